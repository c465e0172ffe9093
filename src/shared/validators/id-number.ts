// Chinese resident ID number, GB 11643-1999: 6-digit division code, 8-digit birth date (YYYYMMDD),
// 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character.

import { toHalfWidth } from './full-width.js';
import { isProvinceCode } from './province-codes.js';

export type IdNumberProblem = 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit';

export type IdNumberValidation =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; reason: IdNumberProblem };

const ID_NUMBER_LENGTH = 18;
// Weight of position i is 2^(17-i) mod 11, as tabulated in the standard.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Indexed by (weighted sum mod 11); 'X' stands for the check value 10.
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '19000101';

/** Trims, folds full-width characters, removes inner whitespace and upper-cases the check 'x'. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').replace(/x/g, 'X');
}

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('idNumberCheckChar expects exactly 17 digits');
  }
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17[index]);
  });
  return CHECK_CHARS[sum % 11]!;
}

export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberValidation {
  const value = normalizeIdNumber(raw);
  if (value.length !== ID_NUMBER_LENGTH) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'characters' };
  if (!isProvinceCode(value.slice(0, 2))) return { ok: false, reason: 'region' };

  const birth = value.slice(6, 14);
  if (!isPlausibleBirthDate(birth, today)) return { ok: false, reason: 'birth_date' };

  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };

  return {
    ok: true,
    value,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Shows the region and the last four characters, which is what staff need to tell people apart. */
export function maskIdNumber(value: string): string {
  // Anything that is not a full ID number is masked completely rather than partly leaked.
  if (value.length !== ID_NUMBER_LENGTH) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(8)}${value.slice(14)}`;
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  // Same-width digit strings compare like the dates they spell. "Today" is the local calendar day
  // of whoever validates, so a baby born today is accepted on either side of the wire.
  return yyyymmdd >= EARLIEST_BIRTH_DATE && yyyymmdd <= compactLocalDate(today);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function compactLocalDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}${month}${day}`;
}
