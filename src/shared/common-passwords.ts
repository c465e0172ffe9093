import list from './common-passwords.json' with { type: 'json' };

/**
 * The most used passwords and keyboard walks (from the published top lists of leaked passwords,
 * Chinese and international), kept as data in common-passwords.json, one a line (a JSON file, so
 * that both the server and the web build read it at import time). The policy compares them in a
 * normalized form (case, look-alike digits and symbols, a predictable run of digits or symbols at
 * either end), so `Password123` and `P@ssw0rd!!` match `password`: list the base form only.
 */
export const COMMON_PASSWORDS: readonly string[] = list;
