/** The JavaScript a page ships: every script and module preload it names, raw and gzipped. */
import { gzipSync } from "node:zlib";

export async function pageJavaScript(base: string, html: string, headers: Record<string, string> = {}) {
  const scripts = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)) scripts.add(match[1]!);
  for (const match of html.matchAll(/import\("([^"]+)"\)|from "([^"]+\.js)"/g)) scripts.add((match[1] ?? match[2])!);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base), { headers })).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { files: scripts.size, rawBytes, gzipBytes };
}
