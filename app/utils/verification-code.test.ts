import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { CODE_ALPHABET, CODE_LENGTH, CODE_RANDOM_BYTES, codeFromBytes, formatCode, normalizeCode } from "./verification-code.ts";

describe("verification codes", () => {
  test("carry at least 128 bits of randomness, in the Crockford alphabet", () => {
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(128);
    const code = codeFromBytes(randomBytes(CODE_RANDOM_BYTES));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
  });

  test("every bit of the bytes reaches the code", () => {
    expect(codeFromBytes(new Uint8Array(CODE_RANDOM_BYTES))).toBe("0".repeat(28));
    expect(codeFromBytes(new Uint8Array(CODE_RANDOM_BYTES).fill(255))).toBe("Z".repeat(28));
    const one = new Uint8Array(CODE_RANDOM_BYTES);
    one[0] = 0b1000_0000;
    expect(codeFromBytes(one)).toBe("G" + "0".repeat(27)); // 10000 → 16 → G
  });

  test("refuse too few random bytes", () => {
    expect(() => codeFromBytes(new Uint8Array(10))).toThrow();
  });

  test("are printed in groups of four", () => {
    expect(formatCode("7KQM3XRT9PWDAB12CD34EF56GH78")).toBe("7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78");
  });

  test.each([
    ["7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78", "7KQM3XRT9PWDAB12CD34EF56GH78"],
    ["  7kqm 3xrt 9pwd ab12 cd34 ef56 gh78 ", "7KQM3XRT9PWDAB12CD34EF56GH78"],
    ["7KQM.3XRT.9PWD.ABI2.CD34.EF56.GH78", "7KQM3XRT9PWDAB12CD34EF56GH78"], // I read as 1
    ["7KQM3XRT9PWDABL2CD34EF56GH78", "7KQM3XRT9PWDAB12CD34EF56GH78"], // L read as 1
    ["7KQM3XRT9PWDAB12CD34EF56GH7O", "7KQM3XRT9PWDAB12CD34EF56GH70"], // O read as 0
    ["7KQM–3XRT—9PWD_AB12CD34EF56GH78", "7KQM3XRT9PWDAB12CD34EF56GH78"],
  ])("tolerate typing habits: %s", (typed, stored) => {
    expect(normalizeCode(typed)).toBe(stored);
  });

  test.each([
    ["too short", "7KQM-3XRT"],
    ["too long", "7KQM3XRT9PWDAB12CD34EF56GH789"],
    ["U is not in the alphabet", "UKQM3XRT9PWDAB12CD34EF56GH78"],
    ["punctuation", "7KQM3XRT9PWDAB12CD34EF56GH7!"],
    ["empty", ""],
  ])("reject what cannot be a code (%s)", (_why, typed) => {
    expect(normalizeCode(typed)).toBeNull();
  });
});
