// Unified social credit code, GB 32100-2015: registration department, institution type, 6-digit
// division code, 9-character organization code and a MOD 31 check character.

import { toHalfWidth } from './full-width.js';

export type CreditCodeProblem = 'length' | 'characters' | 'check_char' | 'division';

export type CreditCodeValidation = { ok: true; value: string } | { ok: false; reason: CreditCodeProblem };

const CREDIT_CODE_LENGTH = 18;
// I, O, S, V and Z are left out because they are easily confused with 1, 0, 5, U and 2.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Departments allowed by the standard: 1–9 and A–G for the registration authorities, N for
// farmers' collectives and other departments, Y for those not otherwise listed.
const REGISTRATION_DEPARTMENTS = '123456789ABCDEFGNY';
// Weight of position i is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Trims, folds full-width characters, removes inner whitespace and upper-cases ASCII letters. */
export function normalizeCreditCode(raw: string): string {
  // Only ASCII letters are upper-cased: toUpperCase() would turn e.g. 'ß' into two characters.
  return toHalfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || ![...first17].every(isAlphabetChar)) {
    throw new RangeError('creditCodeCheckChar expects exactly 17 characters of the credit code alphabet');
  }
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * ALPHABET.indexOf(first17[index]!);
  });
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function validateCreditCode(raw: string): CreditCodeValidation {
  const value = normalizeCreditCode(raw);
  if (value.length !== CREDIT_CODE_LENGTH) return { ok: false, reason: 'length' };
  if (!REGISTRATION_DEPARTMENTS.includes(value[0]!) || ![...value].every(isAlphabetChar)) {
    return { ok: false, reason: 'characters' };
  }
  // Only digits are required here: central-level registrations use codes such as 100000 that are
  // not provinces, and whether a division exists is the server's business.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: 'division' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_char' };
  return { ok: true, value };
}

function isAlphabetChar(char: string): boolean {
  return char.length === 1 && ALPHABET.includes(char);
}
