import { ROLE_NAMES, ROLE_PERMISSIONS, type RoleName } from '../../auth/permissions.js';

/** Roles whose holders handle orders (sign, resolve): who can be given an order in person. */
export const HANDLING_ROLES: RoleName[] = ROLE_NAMES.filter((role) =>
  ROLE_PERMISSIONS[role].includes('workorder.handle'),
);
