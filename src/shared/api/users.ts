import { z } from 'zod';
import { ROLE_NAMES } from '../permissions.js';
import {
  cursorParam,
  idSchema,
  itemsOf,
  limitSchema,
  optionalText,
  pageOf,
  regionCodeSchema,
} from './common.js';

/** Request and response shapes of /api/users, /api/roles and /api/auth/me. */

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'field.username_format');
/** Policy (length, classes) is checked by the service so the message names the exact rule broken. */
export const passwordSchema = z.string().min(1).max(256);
export const displayNameSchema = z.string().trim().min(1).max(50);

export const roleAssignmentSchema = z
  .object({
    id: z.string(),
    role: z.enum(ROLE_NAMES),
    regionCode: z.string(),
    regionName: z.string(),
  })
  .meta({ id: 'RoleAssignment' });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    status: z.enum(['active', 'disabled']),
    regionCode: z.string(),
    createdAt: z.string(),
    roles: z.array(roleAssignmentSchema),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;
export type UserStatus = User['status'];

/** An account as a manager sees it in lists: with whether they may manage it (reset, disable, re-role). */
export const managedUserSchema = userSchema
  .extend({ manageable: z.boolean().describe('the caller may change this account') })
  .meta({ id: 'ManagedUser' });
export type ManagedUser = z.infer<typeof managedUserSchema>;
export const managedUserPageSchema = pageOf(managedUserSchema);

export const meSchema = userSchema
  .extend({
    /** For each permission the caller holds, the region codes where it holds: the UI shows menus from this. */
    permissions: z.record(z.string(), z.array(z.string())),
    /** Whether the account is linked to a party member: the UI asks for the member's page only then. */
    isMember: z.boolean(),
    /**
     * The password was set by someone else and must be changed first: until then every route but
     * this one, sign-out and the password change answers 403 auth.password_change_required.
     */
    passwordChangeRequired: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const createUserBody = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
  regionCode: regionCodeSchema.optional(),
});

export const updateUserBody = z
  .object({ displayName: displayNameSchema.optional(), status: z.enum(['active', 'disabled']).optional() })
  .refine((body) => body.displayName !== undefined || body.status !== undefined, {
    message: 'field.required',
  });

export const assignRoleBody = z.object({ role: z.enum(ROLE_NAMES), regionCode: regionCodeSchema });

export const setPasswordBody = z.object({ password: passwordSchema });

export const roleAssignmentParams = z.object({ id: idSchema, assignmentId: idSchema });

export const usersQuery = z.object({
  q: optionalText(50),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['active', 'disabled']).optional()),
  limit: limitSchema,
  cursor: cursorParam,
});

export const roleInfoSchema = z.object({ role: z.enum(ROLE_NAMES), permissions: z.array(z.string()) });
export type RoleInfo = z.infer<typeof roleInfoSchema>;
export const roleListSchema = itemsOf(roleInfoSchema);

export const endedSessionsSchema = z.object({ ended: z.number().int() });
