// Mainland China mobile numbers: 11 digits, 1 then 3–9. Users paste them in many shapes
// ('+86 138-1234-5678', full-width digits), so everything is normalized before the format check.

import { toHalfWidth } from './full-width.js';

export type MobilePhoneValidation = { ok: true; value: string } | { ok: false; reason: 'format' };

const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** Folds full-width characters, removes spaces and hyphens and strips a +86 / 0086 / 86 prefix. */
export function normalizePhone(raw: string): string {
  const compact = toHalfWidth(raw).replace(/[\s-]+/g, '');
  // A bare '86' is only a country code when a whole mobile number follows it; '+86' and '0086'
  // cannot start a domestic number, so they are always dropped.
  return compact.replace(/^(?:\+86|0086)/, '').replace(/^86(?=\d{11}$)/, '');
}

export function validateMobilePhone(raw: string): MobilePhoneValidation {
  const value = normalizePhone(raw);
  return MOBILE_PHONE.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}

/** Keeps the carrier prefix and the last four digits, e.g. 138****5678. */
export function maskPhone(value: string): string {
  // Anything that is not an 11-digit number is masked completely rather than partly leaked.
  if (value.length !== 11) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}****${value.slice(7)}`;
}
