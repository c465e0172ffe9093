/**
 * The names of permissions and roles, shared by the server (which grants them, see
 * src/server/auth/permissions.ts) and the web (which shows menus from them).
 */
export const PERMISSIONS = [
  'region.read',
  'region.write',
  'user.read',
  'user.manage',
  'audit.read',
  'person.read',
  'person.write',
  'person.reveal',
  'person.import',
  'person.export',
  'org.read',
  'org.write',
  'member.import',
  'care.assign',
  'workorder.read',
  'workorder.intake',
  'workorder.dispatch',
  'workorder.handle',
  'workorder.supervise',
  'workorder.callback',
  'deed.write',
  'catalogue.manage',
  'cockpit.read',
  'visit.read',
  'visit.record',
  'visit.plan',
  'register.change_confirm',
  'timebank.read',
  'timebank.write',
  'timebank.redeem',
  'timebank.settings',
  'volunteer.read',
  'volunteer.manage',
  'activity.lead',
  'job.read',
  'job.manage',
  'job.post',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = [
  'district_admin',
  'secretary',
  'grid_worker',
  'hotline_operator',
  'member',
  'auditor',
  'enterprise_contact',
  'timebank_clerk',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
