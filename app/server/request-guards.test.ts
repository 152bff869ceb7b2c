import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
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
