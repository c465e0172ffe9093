import type { zhPassword } from './zh.password';

/** English UI strings of the forced password change at first sign-in (spread into en.ts). */
export const enPassword: Record<keyof typeof zhPassword, string> = {
  'password.requiredTitle': 'Change your password first',
  'password.requiredReason':
    'Your password was set by an administrator. To keep the account safe, choose a new one only you know; then you can go on.',
  'password.requiredSubmit': 'Change password and go on',
  'password.requiredSignedInAs': 'Signed in as {name} ({username})',
};
