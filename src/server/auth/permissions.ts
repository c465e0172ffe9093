/**
 * Named permissions and the roles that bundle them. A role is always assigned together with a
 * region (its scope): the permission holds in that region's whole subtree and nowhere else.
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
  'volunteer.read',
  'volunteer.manage',
  'activity.lead',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = [
  'district_admin',
  'secretary',
  'grid_worker',
  'hotline_operator',
  'member',
  'auditor',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Keeping a grid's places and register: what secretaries and grid workers share. */
const GRID_KEEPING: readonly Permission[] = [
  'region.read',
  'region.write',
  'person.read',
  'person.write',
  'person.reveal',
  'person.import',
  'person.export',
  'org.read',
  'care.assign',
  'workorder.read',
  'workorder.intake',
  'workorder.handle',
  'deed.write',
  'cockpit.read',
  // Volunteer teams of the grid: see their volunteers, lead their activities (check-in, hours).
  'volunteer.read',
  'activity.lead',
];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  district_admin: PERMISSIONS,
  // Secretaries of a street or community run their subtree, organizations included.
  // Secretaries also dispatch down their tree, approve returns and extensions, review and call back.
  secretary: [
    ...GRID_KEEPING,
    'org.write',
    'member.import',
    'workorder.dispatch',
    'workorder.supervise',
    'workorder.callback',
    'volunteer.manage',
  ],
  // Grid workers keep their grid (their scope is the grid itself).
  grid_worker: GRID_KEEPING,
  // Operators look callers up across the district and may reveal a number to call back.
  // They take calls, dispatch them, answer on the spot and call residents back afterwards.
  hotline_operator: [
    'region.read',
    'person.read',
    'person.reveal',
    'org.read',
    'workorder.read',
    'workorder.intake',
    'workorder.dispatch',
    'workorder.callback',
  ],
  // A member's own page (households in their care, registration, commitments) needs no permission
  // beyond being the member: those routes check the link between account and member.
  member: ['region.read', 'org.read'],
  auditor: [
    'region.read',
    'user.read',
    'audit.read',
    'org.read',
    'workorder.read',
    'cockpit.read',
    'volunteer.read',
  ],
};

export const isRoleName = (value: string): value is RoleName =>
  (ROLE_NAMES as readonly string[]).includes(value);
