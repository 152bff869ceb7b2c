/** The Express application that serves static files and hands every other request to Remix. */
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { createRequestContext } from "./load-context.ts";
import { requestGuards } from "./request-guards.ts";
import { securityHeaders } from "./security-headers.ts";

export interface AppOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  publicDir: string;
  /** PUBLIC_URL: accepted as the Origin of posts behind a proxy that rewrites Host; https turns on HSTS. */
  publicUrl?: string;
  /** Express « trust proxy » setting (TRUST_PROXY): a number of hops, or a list of addresses. */
  trustProxy?: string;
}

export function createApp({ build, mode, publicDir, publicUrl, trustProxy }: AppOptions) {
  const allowedOrigins = publicUrl ? [publicUrl] : [];
  const app = express();
  app.disable("x-powered-by");
  if (trustProxy) app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  // Pages, scripts and styles travel gzipped: a lesson page's JavaScript drops to a third.
  app.use(compression());
  app.use(securityHeaders({ httpsSite: Boolean(publicUrl?.startsWith("https://")) }));
  // Fingerprinted assets can be cached forever; other public files for an hour.
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: mode === "production" ? "1h" : 0 }));
  app.use(requestGuards({ allowedOrigins, trustProxy: Boolean(trustProxy) }));
  app.all("*", createRequestHandler({ build, mode, getLoadContext: (req, res) => createRequestContext(req.ip, res.locals.cspNonce) }));
  return app;
}
