import type { AddressInfo } from "node:net";
import { request as httpRequest, type Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_BODY_BYTES, requestGuards } from "./request-guards.ts";

let server: Server;
let base: string;
let reached = 0;

beforeAll(async () => {
  const app = express();
  app.use(requestGuards({ allowedOrigins: ["https://alliances.example.fr"] }));
  app.all("*", (_req, res) => {
    reached++;
    res.send("ok");
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("requestGuards", () => {
  test("a POST from our own page reaches the app", async () => {
    const before = reached;
    const response = await fetch(`${base}/inscription`, { method: "POST", headers: { Origin: base }, body: "a=1" });
    expect(response.status).toBe(200);
    expect(reached).toBe(before + 1);
  });

  test("a POST from another site is refused with a French page, before the app runs", async () => {
    const before = reached;
    const response = await fetch(`${base}/inscription`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: "a=1",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Ce formulaire ne vient pas de notre site");
    expect(reached).toBe(before);
  });

  test("the configured public URL is accepted as an origin", async () => {
    const response = await fetch(`${base}/x`, { method: "POST", headers: { Origin: "https://alliances.example.fr" }, body: "a=1" });
    expect(response.status).toBe(200);
  });

  test("a body over 1 MiB is refused with 413", async () => {
    const before = reached;
    const response = await fetch(`${base}/inscription`, {
      method: "POST",
      headers: { Origin: base },
      body: "a".repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("dépassent 1 Mo");
    expect(reached).toBe(before);
  });

  test("a body of unknown length is refused with 411", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("a=1"));
        controller.close();
      },
    });
    const response = await fetch(`${base}/inscription`, {
      method: "POST",
      headers: { Origin: base },
      body: stream,
      duplex: "half", // Node's fetch needs it to stream a request body
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  test("GET requests are never blocked", async () => {
    expect((await fetch(`${base}/parcours`)).status).toBe(200);
  });
});

/** Node's fetch refuses to set Host; a raw request can. */
function rawPost(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, method: "POST", path: "/connexion", headers: { "Content-Length": "3", ...headers } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end("a=1");
  });
}

describe.each([false, true])("hosts, with trustProxy=%s", (trustProxy) => {
  let proxied: Server;
  let port = 0;
  beforeAll(async () => {
    const app = express();
    app.use(requestGuards({ allowedOrigins: ["https://alliances.example.fr"], trustProxy }));
    // What Remix will see: the host it compares the Origin with.
    app.all("*", (req, res) => res.json({ forwardedHost: req.get("x-forwarded-host") ?? null }));
    proxied = app.listen(0);
    await new Promise((resolve) => proxied.once("listening", resolve));
    port = (proxied.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => proxied.close(() => resolve())));

  test("a malformed Host is a French 400, before the app", async () => {
    for (const host of ["evil.example:abc", "a b", "evil.example/x", "ex@mple.fr", "localhost:99999"]) {
      const response = await rawPost(port, { Host: host, Origin: "http://evil.example" });
      expect(response.status, host).toBe(400);
      expect(response.body).toContain("mal formée");
    }
  });

  test("X-Forwarded-Host counts only behind a trusted proxy; malformed there, it is a 400", async () => {
    const response = await rawPost(port, {
      Host: "localhost:3000",
      Origin: "http://localhost:3000",
      "X-Forwarded-Host": "evil.example:abc",
    });
    if (!trustProxy) {
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ forwardedHost: null });
    } else {
      expect(response.status).toBe(400);
    }
  });

  test("behind a trusted proxy the Origin must be the forwarded host (Remix's own check would 500 otherwise)", async () => {
    const mismatch = await rawPost(port, { Host: "localhost:3000", Origin: "http://localhost:3000", "X-Forwarded-Host": "autre.example" });
    const match = await rawPost(port, { Host: "10.0.0.5:3000", Origin: "https://autre.example", "X-Forwarded-Host": "autre.example" });
    if (trustProxy) {
      expect(mismatch.status).toBe(403);
      expect(match.status).toBe(200);
      expect(JSON.parse(match.body)).toEqual({ forwardedHost: "autre.example" });
    } else {
      expect(mismatch.status).toBe(200);
      expect(match.status).toBe(403);
    }
  });

  test("PUBLIC_URL as Origin behind a proxy that rewrites Host: accepted, and Remix is told the host the browser used", async () => {
    const response = await rawPost(port, { Host: "10.0.0.5:3000", Origin: "https://alliances.example.fr" });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ forwardedHost: "alliances.example.fr" });
  });
});
