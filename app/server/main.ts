/**
 * Starts the HTTP server on the Remix build in build/index.js. `npm start` runs it after making sure
 * the build exists and the database is migrated; `npm run dev` runs it in development mode, where
 * each rebuild is picked up on the next request.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { serverSigningKey } from "~/certificates/signing.server.ts";
import { parseEnv } from "~/utils/env.server.ts";
import { createApp } from "./http-server.ts";

const env = parseEnv(process.env);
const root = process.cwd();
const buildFile = path.join(root, "build/index.js");

async function importBuild(): Promise<ServerBuild> {
  const version = statSync(buildFile).mtimeMs;
  return import(`${pathToFileURL(buildFile).href}?v=${version}`) as Promise<ServerBuild>;
}

// The certificate key is read (or created, on first start) now rather than at the first issuance,
// so that a bad key fails the start-up and not a learner's request.
const { keyId } = serverSigningKey();

const mode = env.NODE_ENV === "production" ? "production" : "development";
const app = createApp({
  build: mode === "production" ? await importBuild() : importBuild,
  mode,
  publicDir: path.join(root, "public"),
  publicUrl: env.PUBLIC_URL,
  trustProxy: env.TRUST_PROXY,
});

const server = app.listen(env.PORT, () => {
  console.log(`Apprendre à faire alliance : http://localhost:${env.PORT} (${mode}) — clé des certificats ${keyId}`);
  if (!env.PUBLIC_URL) {
    // Links in e-mails and the address signed into certificates come from configuration only
    // (app/utils/public-url.server.ts): without PUBLIC_URL they name this local server.
    console.log(
      `PUBLIC_URL n'est pas défini : les liens des e-mails et des certificats pointent vers http://localhost:${env.PORT}. Définissez PUBLIC_URL pour un site public.`,
    );
  }
});

// Keep idle connections open longer than the proxies in front usually do (60 s), so that the server
// never closes a connection at the moment a client reuses it (the client then sees ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold the process open; give requests in flight a moment.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
