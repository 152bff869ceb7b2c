import { expect, test } from "vitest";
import { formatJoinCode, joinCodeFromBytes, JOIN_CODE_RANDOM_BYTES, normalizeJoinCode } from "./join-code.ts";

test("a join code is 8 characters of 40 random bits, shown in two groups, typed however", () => {
  const code = joinCodeFromBytes(new Uint8Array(JOIN_CODE_RANDOM_BYTES).fill(0xff));
  expect(code).toBe("ZZZZZZZZ");
  expect(joinCodeFromBytes(Uint8Array.from([0, 0, 0, 0, 1]))).toBe("00000001");
  expect(formatJoinCode("K7QM3XRT")).toBe("K7QM-3XRT");
  expect(normalizeJoinCode(" k7qm-3xrt ")).toBe("K7QM3XRT");
  expect(normalizeJoinCode("K7QM 3XRO")).toBe("K7QM3XR0");
  expect(normalizeJoinCode("K7QM")).toBeNull();
  expect(normalizeJoinCode("K7QM-3XRU")).toBeNull();
});
