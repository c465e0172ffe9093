/** Password policy shared by the server (enforcement) and the web (hints before submit). */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'too_long';

/** Returns null when the password is acceptable, else the first problem found. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  // argon2 hashes any length, but an unbounded input is a cheap denial of service.
  if (password.length > 256) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  return classes >= 3 ? null : 'too_few_classes';
}
