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

/**
 * Whether `permission` holds everywhere `other` does: exporting in clear needs the reveal
 * permission over the whole export scope (the server refuses it otherwise).
 */
export const holdsWherever = (me: Me, permission: Permission, other: Permission): boolean =>
  hasPermission(me, other) &&
  (me.permissions[other] ?? []).every((root) => hasPermissionIn(me, permission, root));
