/**
 * Cohort join codes: 8 characters of Crockford's base32 (40 random bits), read aloud in a room or
 * copied from a slide, shown as two groups of four (K7QM-3XRT). Guessing one is hopeless at the
 * rate `/rejoindre` allows. Client-safe and pure; the random bytes come from the server.
 */
import { codeFromBytes, formatCode, normalizeCode } from "~/utils/verification-code.ts";

const JOIN_CODE_LENGTH = 8;
export const JOIN_CODE_RANDOM_BYTES = Math.ceil((JOIN_CODE_LENGTH * 5) / 8);

export function joinCodeFromBytes(bytes: Uint8Array): string {
  return codeFromBytes(bytes, JOIN_CODE_LENGTH);
}

/** @example formatJoinCode("K7QM3XRT") // "K7QM-3XRT" */
export const formatJoinCode = formatCode;

/** @example normalizeJoinCode(" k7qm 3xrt ") // "K7QM3XRT"; normalizeJoinCode("K7QM") // null */
export function normalizeJoinCode(input: string): string | null {
  return normalizeCode(input, JOIN_CODE_LENGTH);
}
