import { expect, test } from "vitest";
import { invariantResponse } from "./invariant.ts";

async function thrownBy(run: () => void): Promise<Response> {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("nothing was thrown");
}

test("a condition that holds lets the request go on", () => {
  expect(() => invariantResponse({ id: "q" }, "Ce quiz n'existe pas.")).not.toThrow();
});

test("a failed condition is a 404 with the French message as plain text", async () => {
  const response = await thrownBy(() => invariantResponse(undefined, "Ce quiz n'existe pas."));
  expect(response.status).toBe(404);
  expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
  expect(await response.text()).toBe("Ce quiz n'existe pas.");
});

test("the status, headers and a message computed only on failure can be given", async () => {
  let computed = 0;
  invariantResponse(true, () => `${++computed}`);
  expect(computed).toBe(0);
  const response = await thrownBy(() =>
    invariantResponse("", () => "Trop de codes essayés.", { status: 429, headers: { "Retry-After": "60" } }),
  );
  expect(response.status).toBe(429);
  expect(response.headers.get("Retry-After")).toBe("60");
  expect(await response.text()).toBe("Trop de codes essayés.");
});
