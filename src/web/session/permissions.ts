import type { Me, Permission } from '../api/types';

/** Whether the user holds a permission anywhere (decides which menus appear). */
export const hasPermission = (me: Me, permission: Permission): boolean =>
  (me.permissions[permission]?.length ?? 0) > 0;

/**
 * Whether a permission holds for one region: region codes are hierarchical, so it holds when one
 * of the codes it was granted at is a prefix of the region's code (the server checks the same way).
 */
export const hasPermissionIn = (me: Me, permission: Permission, regionCode: string): boolean =>
  (me.permissions[permission] ?? []).some((root) => regionCode.startsWith(root));
