/**
 * The organisation's legal identifiers as people type them (« 123 456 789 00012 ») and as they are
 * stored (digits only), with the checks that catch a mistyped digit.
 */

/** The input without its spaces (ordinary, no-break and narrow no-break), as stored. */
export function withoutSpaces(value: string): string {
  return value.replace(/[\s\u00A0\u202F]+/g, "");
}

/** Luhn's checksum: from the right, every second digit doubled (minus 9 above 9), the sum a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's SIREN: its establishments were numbered before the Luhn key was applied to them. */
const LA_POSTE_SIREN = "356000000";

/**
 * A SIRET: 14 digits whose Luhn key is right — except La Poste's establishments (SIREN 356 000 000),
 * whose SIRET instead have a sum of digits divisible by 5 (INSEE's documented exception; the head
 * office, 356 000 000 00048, passes Luhn too).
 * @example isValidSiret("73282932000074") // true
 * @example isValidSiret("35600000049837") // true (La Poste)
 */
export function isValidSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (passesLuhn(digits)) return true;
  if (!digits.startsWith(LA_POSTE_SIREN)) return false;
  const sum = [...digits].reduce((total, digit) => total + Number(digit), 0);
  return sum % 5 === 0;
}

/** A numéro de déclaration d'activité: 11 digits (2 for the region, then 9). No public checksum. */
export function isValidActivityDeclarationNumber(digits: string): boolean {
  return /^\d{11}$/.test(digits);
}
