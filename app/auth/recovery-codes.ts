/**
 * Recovery codes of two-factor sign-in: 8 characters of Crockford's base32 (40 random bits), shown
 * as K7QM-3XRT, ten at a time. Printed or copied once, typed back from paper on the day the phone
 * is lost, so the alphabet has no I, L, O or U and reading tolerates case, spaces, dashes, O for 0.
 * Guessing one online is hopeless at the rate the sign-in code page allows (10 per account per
 * 15 minutes, a 10-in-2^40 chance each). Client-safe and pure; the random bytes come from the server.
 */
import { codeFromBytes, formatCode, normalizeCode } from "~/utils/verification-code.ts";

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_LENGTH = 8;
export const RECOVERY_CODE_RANDOM_BYTES = Math.ceil((RECOVERY_CODE_LENGTH * 5) / 8);

/** @example formatRecoveryCode(recoveryCodeFromBytes(bytes)) // "K7QM-3XRT" */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  return codeFromBytes(bytes, RECOVERY_CODE_LENGTH);
}

/** @example formatRecoveryCode("K7QM3XRT") // "K7QM-3XRT" */
export const formatRecoveryCode = formatCode;

/** @example normalizeRecoveryCode(" k7qm 3xrt ") // "K7QM3XRT"; normalizeRecoveryCode("123456") // null */
export function normalizeRecoveryCode(input: string): string | null {
  return normalizeCode(input, RECOVERY_CODE_LENGTH);
}
