import { afterEach, expect, test, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./public-url.server.ts");
}

test("absolute URLs come from PUBLIC_URL, without a doubled slash", async () => {
  const { absoluteUrl, publicUrl } = await load({ PUBLIC_URL: "https://alliances.example.fr/", PORT: "8080" });
  expect(publicUrl()).toBe("https://alliances.example.fr");
  expect(absoluteUrl("/verifier/AB")).toBe("https://alliances.example.fr/verifier/AB");
});

test("without PUBLIC_URL, they name the local server a newcomer's npm start serves", async () => {
  const { absoluteUrl } = await load({ PUBLIC_URL: "", PORT: "4321" });
  expect(absoluteUrl("mot-de-passe/nouveau")).toBe("http://localhost:4321/mot-de-passe/nouveau");
});
