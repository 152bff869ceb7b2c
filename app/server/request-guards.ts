/**
 * Checks made on every request before Remix sees it, so that no route can forget them:
 * the origin of state-changing requests, and the size of request bodies.
 */
import type { NextFunction, Request, Response } from "express";
import { isAllowedRequest } from "~/auth/origin.ts";
import { errorPage } from "./error-page.ts";

/** Our forms are small; the largest (a final project step) stays far below this. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function requestGuards({ allowedOrigins }: { allowedOrigins: string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isAllowedRequest({ method: req.method, origin: req.get("origin") ?? null, host: req.get("host") ?? null, allowedOrigins })) {
      res
        .status(403)
        .type("html")
        .send(errorPage("Requête refusée", "Ce formulaire ne vient pas de notre site. Rechargez la page et réessayez."));
      return;
    }
    const length = req.get("content-length");
    if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
      res.set("Connection", "close");
      res
        .status(413)
        .type("html")
        .send(errorPage("Envoi trop volumineux", "Les données envoyées dépassent 1 Mo. Raccourcissez votre texte et réessayez."));
      req.destroy();
      return;
    }
    if (length === undefined && req.get("transfer-encoding")) {
      // A body of unknown length could be arbitrarily large; browsers always send a length.
      res.status(411).type("html").send(errorPage("Longueur requise", "La taille de l'envoi doit être indiquée."));
      return;
    }
    next();
  };
}
