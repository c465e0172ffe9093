import { normalizePhone, validateMobilePhone } from '../../../../shared/validators/phone';

/**
 * What a caller's number can be looked up as: a mobile number, or a landline with its area code
 * (0451-86661234), as the server accepts; null for anything else.
 */
export function lookupPhone(raw: string): string | null {
  const mobile = validateMobilePhone(raw);
  if (mobile.ok) return mobile.value;
  const landline = normalizePhone(raw);
  return /^0\d{2,3}\d{7,8}$/.test(landline) ? landline : null;
}
