import type { z } from 'zod';
import type { meSchema, userSchema } from '../../../shared/api/users.js';
import { isRoleName, PERMISSIONS, type RoleName } from '../../auth/permissions.js';
import { grantingRegions } from '../../auth/scope.js';
import type { UserWithRoles } from './users.service.js';

/** Rows → the shapes of src/shared/api/users.ts. */
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
        role: r.role as RoleName,
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
