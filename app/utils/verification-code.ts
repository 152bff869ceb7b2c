/**
 * Verification codes printed on certificates: 28 characters of Crockford's base32 (140 random bits),
 * shown in groups of four. Crockford's alphabet has no I, L, O or U, so a code read aloud or typed
 * from paper survives the usual confusions. Client-safe and pure.
 */

export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 28;
const GROUP = 4;

/**
 * Turns random bytes into a code; each character takes 5 bits, so 18 bytes (144 bits) give the 28
 * characters (140 bits) needed.
 */
export function codeFromBytes(bytes: Uint8Array, length = CODE_LENGTH): string {
  if (bytes.length * 8 < length * 5) throw new Error(`il faut ${Math.ceil((length * 5) / 8)} octets aléatoires`);
  let code = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < length) {
      bits -= 5;
      code += CODE_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
    if (code.length === length) break;
  }
  return code;
}

export const CODE_RANDOM_BYTES = Math.ceil((CODE_LENGTH * 5) / 8);

/**
 * @example formatCode("7KQM3XRT9PWDAB12CD34EF56GH78") // "7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78"
 */
export function formatCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? code;
}

/**
 * Reads a code (of `length` characters: a certificate's by default) as a person may type it: any case, with spaces, dashes or dots, O for 0, I or L for 1.
 * @returns the stored form, or null when it cannot be a code (wrong length or a character outside
 * the alphabet, such as U).
 * @example normalizeCode(" 7kqm 3xrt-9pwd.abi2 cd34 ef56 gh78 ") // "7KQM3XRT9PWDAB12CD34EF56GH78"
 */
export function normalizeCode(input: string, length = CODE_LENGTH): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.–—]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== length) return null;
  for (const char of cleaned) if (!CODE_ALPHABET.includes(char)) return null;
  return cleaned;
}
