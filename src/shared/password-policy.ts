/** Password policy shared by the server (enforcement) and the web (hints before submit). */
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem =
  | 'too_short'
  | 'too_few_classes'
  | 'too_long'
  | 'too_common'
  | 'contains_username';

export interface PasswordContext {
  /** The account's username: a password that contains it is the first thing an attacker tries. */
  username?: string | undefined;
}

/** Returns null when the password is acceptable, else the first problem found. */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  // argon2 hashes any length, but an unbounded input is a cheap denial of service.
  if (password.length > 256) return 'too_long';
  if (isCommonPassword(password)) return 'too_common';
  if (containsUsername(password, context.username)) return 'contains_username';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  return classes >= 3 ? null : 'too_few_classes';
}

/** Look-alikes people put in place of letters, all mapped to one letter (so l and 1 both read i). */
const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  l: 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** Lower case, look-alikes read as letters, separators dropped: `P@ss-w0rd` reads `password`. */
const normalize = (text: string): string =>
  [...text.toLowerCase().replace(/[\s\-_.]/g, '')].map((c) => LOOK_ALIKES[c] ?? c).join('');

const DIGIT_RUNS = ['01234567890', '09876543210'];
/** Numbers Chinese users add for luck or love, beyond short numbers, runs and repeats. */
const LUCKY_NUMBERS = new Set(['1314', '5201314', '1314520', '520520', '7758521', '31415926']);

/**
 * Whether digits and symbols added at an end follow a pattern a guesser tries first: a few
 * symbols with a short number (a year, `123`), a run (`12345`, `987654`), a repeat (`8888`) or a
 * lucky number. A long random tail is real strength and is kept.
 */
function isPredictableAffix(affix: string): boolean {
  const digits = affix.replace(/\D/g, '');
  if (affix.length - digits.length > 4) return false;
  return (
    digits.length <= 4 ||
    DIGIT_RUNS.some((run) => run.includes(digits)) ||
    /^(\d)\1*$/.test(digits) ||
    LUCKY_NUMBERS.has(digits)
  );
}

/** The password without predictable affixes at either end: what is left is what a guesser varies. */
function basesOf(password: string): string[] {
  const lower = password.toLowerCase();
  const bases = [lower];
  const trailing = /[^a-z]+$/.exec(lower)?.[0] ?? '';
  const withoutTail = trailing && isPredictableAffix(trailing) ? lower.slice(0, -trailing.length) : lower;
  const leading = /^[^a-z]+/.exec(withoutTail)?.[0] ?? '';
  const withoutEnds =
    leading && isPredictableAffix(leading) ? withoutTail.slice(leading.length) : withoutTail;
  bases.push(withoutTail, withoutEnds);
  return bases.filter((base) => base !== '');
}

let commonBases: Set<string> | undefined;
/** Every listed password in the form passwords are compared in. */
function commonPasswordBases(): Set<string> {
  if (!commonBases) {
    commonBases = new Set<string>();
    for (const entry of COMMON_PASSWORDS) {
      for (const base of basesOf(entry)) commonBases.add(normalize(base));
    }
  }
  return commonBases;
}

export function isCommonPassword(password: string): boolean {
  const bases = basesOf(password);
  const common = commonPasswordBases();
  if (bases.some((base) => common.has(normalize(base)))) return true;
  // Two letters or fewer among predictable digits and symbols (`Aa123456789`, `Xy!2024!!`).
  const core = bases[bases.length - 1] ?? '';
  return normalize(core).length <= 2;
}

function containsUsername(password: string, username: string | undefined): boolean {
  const name = username?.trim().toLowerCase() ?? '';
  // A very short username would forbid too much by accident.
  if (name.length < 3) return false;
  return password.toLowerCase().includes(name) || normalize(password).includes(normalize(name));
}
