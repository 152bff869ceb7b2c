/**
 * Checks made on every request before Remix sees it, so that no route can forget them:
 * the origin of state-changing requests, and the size of request bodies.
 */
import type { NextFunction, Request, Response } from "express";
import { isAllowedRequest } from "~/auth/origin.ts";
import { prefersJson, renderErrorDocument } from "~/errors/error-document.ts";

/** Our forms are small; the largest (a final project step) stays far below this. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How much of a refused body is read and thrown away before the connection is cut instead. */
const DISCARD_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/** A host name or an IP address (IPv6 in brackets), with an optional port: what Host may hold. */
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

function isValidHostHeader(value: string): boolean {
  if (value.length > 260 || !HOST.test(value)) return false;
  const port = /:(\d+)$/.exec(value)?.[1];
  return port === undefined || Number(port) <= 65535;
}

/** A chain of proxies may list several hosts; the first is the one the visitor asked for. */
function isValidForwardedHost(value: string): boolean {
  return value.length <= 1000 && value.split(",").every((part) => isValidHostHeader(part.trim()));
}

/** A refusal in French: a page in the site's layout, or JSON for a script that asked for it. */
function refuse(req: Request, res: Response, stylesheets: string[], status: number, title: string, message: string) {
  if (prefersJson(req.get("accept"))) {
    res.status(status).json({ error: status, message });
    return;
  }
  res.status(status).type("html").send(renderErrorDocument({ status, title, message, stylesheets }));
}

interface GuardOptions {
  allowedOrigins: string[];
  trustProxy?: boolean;
  /** The site's stylesheets, so that refusals look like every other page (see http-server.ts). */
  stylesheets?: () => string[];
}

/**
 * The two steps of an LTI 1.3 launch arrive as form posts from the LMS's pages, another site by
 * design (app/lti/): they are not checked for origin but proved otherwise — a state bound to this
 * browser by a cookie, and a token the platform signed. Both are resource routes, so Remix's own
 * origin check (pages only) does not apply to them either.
 */
const CROSS_SITE_POSTS = new Set(["/lti/login", "/lti/launch"]);

export function requestGuards({ allowedOrigins, trustProxy = false, stylesheets = () => [] }: GuardOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    // A route may answer before reading the body (a 415 for a body that is not a form, a redirect to
    // sign in). Node discards an unread body itself only when nothing listens to it; Remix's request
    // adapter listens and pauses the stream once its buffer is full, so the rest of a large body
    // stayed in the socket and the next request on that keep-alive connection waited forever.
    // Once the answer is sent, nobody will read the body: drop the listeners and let it drain (it is
    // at most MAX_BODY_BYTES, checked below).
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      // Reading the rest lets the client finish sending and read our answer; past a bound (a body
      // far larger than announced, or refused as too large) the connection is cut instead.
      let discarded = 0;
      req.on("data", (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_LIMIT_BYTES) req.destroy();
      });
      req.resume();
    });
    // Remix builds the request's URL from Host and X-Forwarded-Host (for its port): a malformed one
    // made `new URL` throw, a 500 with an empty body. X-Forwarded-Host means something only when a
    // trusted proxy sets it; otherwise it is whatever the client typed, and is dropped.
    if (!trustProxy) delete req.headers["x-forwarded-host"];
    const forwardedHost = req.get("x-forwarded-host");
    const host = req.get("host");
    if ((host !== undefined && !isValidHostHeader(host)) || (forwardedHost !== undefined && !isValidForwardedHost(forwardedHost))) {
      refuse(req, res, stylesheets(), 400, "Requête invalide", "L'adresse du site demandée dans cette requête est mal formée.");
      return;
    }
    // The host the visitor's browser addressed: the proxy's X-Forwarded-Host, else Host. Remix runs
    // the same comparison before any action and answers a mismatch with a 500, so ours must be at
    // least as strict, and answer first, in French.
    const visitedHost = forwardedHost?.split(",")[0]!.trim() ?? host ?? null;
    const origin = req.get("origin") ?? null;
    if (!CROSS_SITE_POSTS.has(req.path) && !isAllowedRequest({ method: req.method, origin, host: visitedHost, allowedOrigins })) {
      refuse(req, res, stylesheets(), 403, "Requête refusée", "Ce formulaire ne vient pas de notre site. Rechargez la page et réessayez.");
      return;
    }
    // Accepted because the Origin is PUBLIC_URL (a proxy that rewrites Host without saying so):
    // tell Remix which host the browser used, or its own check would refuse the action.
    if (origin && origin !== "null" && visitedHost && !["GET", "HEAD", "OPTIONS"].includes(req.method)) {
      const originHost = new URL(origin).host;
      if (originHost !== visitedHost.toLowerCase()) req.headers["x-forwarded-host"] = originHost;
    }
    const length = req.get("content-length");
    if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
      res.set("Connection", "close");
      refuse(
        req,
        res,
        stylesheets(),
        413,
        "Envoi trop volumineux",
        "Les données envoyées dépassent 1 Mo. Raccourcissez votre texte et réessayez.",
      );
      return; // the rest of the body is discarded, up to a bound, once the answer is sent (above)
    }
    if (length === undefined && req.get("transfer-encoding")) {
      // A body of unknown length could be arbitrarily large; browsers always send a length.
      refuse(req, res, stylesheets(), 411, "Longueur requise", "La taille de l'envoi doit être indiquée.");
      return;
    }
    next();
  };
}
