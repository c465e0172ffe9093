import { z } from 'zod';
import { isRoleName, PERMISSIONS, ROLE_NAMES } from '../../auth/permissions.js';
import { grantingRegions } from '../../auth/scope.js';
import { regionCodeSchema } from '../../http/common-schemas.js';
import type { UserWithRoles } from './users.service.js';

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

/** An account as a manager sees it in lists: with whether they may manage it (reset, disable, re-role). */
export const managedUserSchema = userSchema
  .extend({ manageable: z.boolean().describe('the caller may change this account') })
  .meta({ id: 'ManagedUser' });

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

export function toUserDto({ user, roles }: UserWithRoles): z.infer<typeof userSchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    status: user.status,
    regionCode: user.region_code,
    createdAt: user.created_at,
    roles: roles
      .filter((r) => isRoleName(r.role))
      .map((r) => ({
        id: r.id,
        role: r.role as (typeof ROLE_NAMES)[number],
        regionCode: r.region_code,
        regionName: r.region_name,
      })),
  };
}

export function toMeDto(withRoles: UserWithRoles, isMember: boolean): z.infer<typeof meSchema> {
  const permissions: Record<string, string[]> = {};
  for (const permission of PERMISSIONS) {
    const codes = grantingRegions(withRoles.roles, permission);
    if (codes.length > 0) permissions[permission] = [...new Set(codes)];
  }
  return {
    ...toUserDto(withRoles),
    permissions,
    isMember,
    passwordChangeRequired: withRoles.user.password_change_required === 1,
  };
}
