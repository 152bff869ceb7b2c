/** The Express application that serves static files and hands every other request to Remix. */
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createRequestContext } from "./load-context.ts";
import { requestGuards } from "./request-guards.ts";
import { securityHeaders } from "./security-headers.ts";

interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  publicDir: string;
  /** PUBLIC_URL: accepted as the Origin of posts behind a proxy that rewrites Host; https turns on HSTS. */
  publicUrl?: string;
  /** Express « trust proxy » setting (TRUST_PROXY): a number of hops, or a list of addresses. */
  trustProxy?: string;
}

/** The stylesheets the root route links (hashed build URLs), for pages answered before Remix runs. */
function stylesheetsOf(build: ServerBuild): string[] {
  const links = (build.routes.root?.module.links?.() ?? []) as Array<{ rel?: string; href?: string }>;
  return links.filter((link) => link.rel === "stylesheet" && typeof link.href === "string").map((link) => link.href!);
}

export function createApp({ build, mode, publicDir, publicUrl, trustProxy }: AppOptions) {
  const allowedOrigins = publicUrl ? [publicUrl] : [];
  // In development the build changes under us; its stylesheets are read again after each rebuild.
  let stylesheets: string[] = typeof build === "function" ? [] : stylesheetsOf(build);
  if (typeof build === "function") void build().then((current) => (stylesheets = stylesheetsOf(current)));
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  // Pages, scripts and styles travel gzipped: a lesson page's JavaScript drops to a third.
  app.use(compression());
  app.use(securityHeaders({ httpsSite: Boolean(publicUrl?.startsWith("https://")) }));
  // Fingerprinted assets can be cached forever; other public files for an hour.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: mode === "production" ? "1h" : 0 }));
  app.use(requestGuards({ allowedOrigins, trustProxy: Boolean(trustProxy), stylesheets: () => stylesheets }));
  app.all("*", createRequestHandler({ build, mode, getLoadContext: (req, res) => createRequestContext(req.ip, res.locals.cspNonce) }));
  return app;
}
