import { type Permission, ROLE_PERMISSIONS, type RoleName } from '../auth/permissions.js';

/**
 * The authorization matrix: one reviewed row per route the app registers (HEAD aside), saying who
 * may call it and which kind of record its path names. `authorization-matrix.test.ts` checks that
 * this table lists exactly the app's routes, that each row's access equals the route's own
 * declaration (so a changed declaration fails until the table is reviewed too), and then calls
 * every route as every role, inside and outside the role's scope.
 *
 * A new module adds one row per route here; its target kind names the fixture the test builds.
 */

/** Who may call a route, as the route declares it (`config.permission`, or `public` for `config.public`). */
export type MatrixAccess = Permission | 'authenticated' | 'resident' | 'public';

/**
 * The kind of record a route's path names. `none`: a collection, a form or the caller's own data;
 * `global`: an installation-wide setting (catalogue, calendar) only the installation's district
 * admins may change, or a district's own one (`/api/districts/:district/…`) only admins over that
 * whole district may change; `own_*` and `resident_request`: a record found through the caller (their
 * notification, their own member record or commitment, a resident's portal request), where
 * "inside" means the caller's own and "outside" somebody else's.
 */
export type TargetKind =
  | 'none'
  | 'global'
  | 'region'
  | 'person'
  | 'household'
  | 'user'
  | 'import_job'
  | 'organization'
  | 'member'
  | 'registration'
  | 'transfer'
  | 'commitment'
  | 'work_order'
  | 'attachment'
  | 'hotline'
  | 'open311_key'
  | 'own_notification'
  | 'own_member'
  | 'own_commitment'
  | 'resident_request'
  | 'volunteer'
  | 'volunteer_activity'
  | 'volunteer_signup'
  | 'volunteer_certificate'
  | 'own_volunteer_signup'
  | 'own_volunteer_certificate';

/**
 * Records a body may name, all in one community: the caller's own (inside) for bodies that only
 * need to be valid, or another community's (outside) for routes whose body says where to act.
 */
export interface SampleIds {
  /** A grid of the community. */
  region: string;
  /** A member of the branch, with no open transfer. */
  member: string;
  /** A resident who is no member. */
  person: string;
  household: string;
  /** A warm group (暖心小组) holding `household`. */
  organization: string;
  /** The community's party branch, and a second one to transfer to. */
  branch: string;
  otherBranch: string;
  /** Volunteering: the community's volunteer team, a volunteer of it, and a shift of its activity. */
  volunteerTeam?: string;
  volunteer?: string;
  volunteerShift?: string;
}

/** A well-formed id that names nothing (for bodies whose records the test does not build). */
const NOTHING = '0190a0b0-0000-7000-8000-00000000abcd';

export interface MatrixRow {
  access: MatrixAccess;
  target: TargetKind;
  /**
   * A minimal valid body, so that a mutation gets past validation to its scope check (validation
   * runs after the permission check but before the service looks the record up).
   */
  body?: (ids: SampleIds) => unknown;
  /**
   * For routes open to every signed-in staff member whose service then checks a permission's
   * scope (work orders): only roles holding this permission can see the record at all.
   */
  scopePermission?: Permission;
  /** The request ends the caller's own session or password: send it with a throwaway session. */
  selfAffecting?: true;
  /** The request uses its record up (anonymizes it): each role gets a fresh record inside its scope. */
  consumes?: true;
  /**
   * The record the route acts on is named in its body (a create) or its query (a list narrowed
   * to a region), not its path: the outside check sends another community's ids there, and
   * expects 404 with nothing written.
   */
  scopedBy?: 'body' | { query: string; also?: string };
  /**
   * A list that deliberately shows every such record of the caller's district(s), not only of
   * their subtree (why, in a comment on the row): the test's "lists nothing of another community"
   * check, whose other community lies in the same district, leaves it out.
   */
  listsWholeDistrict?: true;
  /** The route takes a file upload: the test sends a small PNG as multipart/form-data. */
  upload?: true;
}

/** This month in Beijing, as a transfer's dues month. */
const beijingMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

const reason = { reason: '核对户籍信息，居民本人来电要求' };

export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  // API description and health
  'GET /api/openapi.json': { access: 'public', target: 'none' },
  'GET /api/docs/': { access: 'public', target: 'none' },
  'GET /api/docs/static/index.html': { access: 'public', target: 'none' },
  'GET /api/docs/static/swagger-initializer.js': { access: 'public', target: 'none' },
  'GET /api/docs/json': { access: 'public', target: 'none' },
  'GET /api/docs/yaml': { access: 'public', target: 'none' },
  'GET /api/docs/static/*': { access: 'public', target: 'none' },
  'GET /api/health': { access: 'public', target: 'none' },
  'GET /api/health/ready': { access: 'public', target: 'none' },
  // Public to the router; the handler answers 404 unless the bearer token matches or, with no
  // token configured, the socket is loopback (src/server/metrics, tested in metrics.test.ts).
  'GET /metrics': { access: 'public', target: 'none' },

  // Staff sign-in and accounts
  'POST /api/auth/login': { access: 'public', target: 'none' },
  'POST /api/auth/logout': { access: 'authenticated', target: 'none', selfAffecting: true },
  'GET /api/auth/me': { access: 'authenticated', target: 'none' },
  'POST /api/auth/password': { access: 'authenticated', target: 'none', selfAffecting: true },
  'GET /api/roles': { access: 'authenticated', target: 'none' },
  'GET /api/users': { access: 'user.read', target: 'none' },
  'POST /api/users': {
    access: 'user.manage',
    target: 'none',
    body: (ids) => ({
      username: `matrix${Math.random().toString(36).slice(2, 9)}`,
      password: 'Matrix-Pass-2026x',
      displayName: '矩阵测试',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'GET /api/users/:id': { access: 'user.read', target: 'user' },
  'PATCH /api/users/:id': {
    access: 'user.manage',
    target: 'user',
    body: () => ({ displayName: '矩阵测试改名' }),
  },
  'POST /api/users/:id/password': {
    access: 'user.manage',
    target: 'user',
    body: () => ({ password: 'Matrix-Reset-2026x' }),
  },
  'DELETE /api/users/:id/sessions': { access: 'user.manage', target: 'user' },
  'POST /api/users/:id/roles': {
    access: 'user.manage',
    target: 'user',
    body: (ids) => ({ role: 'grid_worker', regionCode: ids.region }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': { access: 'user.manage', target: 'user' },

  // Regions
  'GET /api/regions': { access: 'region.read', target: 'none' },
  'GET /api/regions/search': { access: 'region.read', target: 'none' },
  'GET /api/regions/names': { access: 'region.read', target: 'none' },
  'GET /api/regions/:code': { access: 'region.read', target: 'region' },
  'GET /api/regions/:code/children': { access: 'region.read', target: 'region' },
  'POST /api/regions/:code/children': {
    access: 'region.write',
    target: 'region',
    body: () => ({ kind: 'grid', name: '矩阵网格' }),
  },
  'PATCH /api/regions/:code': {
    access: 'region.write',
    target: 'region',
    body: () => ({ name: '矩阵改名' }),
  },
  'DELETE /api/regions/:code': { access: 'region.write', target: 'region' },
  'GET /api/audit': { access: 'audit.read', target: 'none' },

  // Register
  'GET /api/tags': { access: 'person.read', target: 'none' },
  'GET /api/persons': {
    access: 'person.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/persons/:id': { access: 'person.read', target: 'person' },
  'POST /api/persons/:id/reveal': {
    access: 'person.reveal',
    target: 'person',
    body: () => ({ field: 'phone', ...reason }),
  },
  'PATCH /api/persons/:id': { access: 'person.write', target: 'person', body: () => ({ note: '矩阵' }) },
  'PUT /api/persons/:id/health': {
    access: 'person.write',
    target: 'person',
    body: () => ({ conditions: '高血压', doctorContact: '社区医生', lastCheckup: '' }),
  },
  'POST /api/persons/:id/anonymize': {
    access: 'person.write',
    target: 'person',
    consumes: true,
    body: () => reason,
  },
  'POST /api/persons/:id/subject-export': { access: 'person.reveal', target: 'person', body: () => reason },
  'POST /api/persons/export': {
    access: 'person.export',
    target: 'none',
    body: (ids) => ({ region: ids.region }),
    scopedBy: 'body',
  },
  'GET /api/households/:id': { access: 'person.read', target: 'household' },
  'GET /api/households/:id/neighbours': { access: 'person.read', target: 'household' },
  'GET /api/regions/:code/neighbour-map': { access: 'person.read', target: 'region' },
  'GET /api/imports/template': { access: 'person.import', target: 'none' },
  'POST /api/imports': { access: 'person.import', target: 'none' },
  'GET /api/imports': { access: 'person.import', target: 'none' },
  'GET /api/imports/:id': { access: 'person.import', target: 'import_job' },
  'GET /api/imports/:id/report': { access: 'person.import', target: 'import_job' },

  // Organizations, members, care
  'POST /api/members/import': { access: 'member.import', target: 'none' },
  'GET /api/members/import/template': { access: 'member.import', target: 'none' },
  'GET /api/organizations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/organizations': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({ kind: 'branch', name: '矩阵测试支部', anchorRegionCode: ids.region }),
    scopedBy: 'body',
  },
  'GET /api/organizations/:id': { access: 'org.read', target: 'organization' },
  'POST /api/organizations/:id/move': { access: 'org.write', target: 'organization', body: () => ({}) },
  'PUT /api/organizations/:id/leader': {
    access: 'org.write',
    target: 'organization',
    body: (ids) => ({ memberId: ids.member }),
  },
  'GET /api/organizations/:id/members': { access: 'org.read', target: 'organization' },
  'POST /api/organizations/:id/households': {
    access: 'org.write',
    target: 'organization',
    body: (ids) => ({ householdIds: [ids.household] }),
  },
  'DELETE /api/organizations/:id/households/:householdId': { access: 'org.write', target: 'organization' },
  'POST /api/members': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      organizationId: ids.branch,
      personId: ids.person,
      category: 'formal',
      status: 'in_service',
      joinedOn: '2015-07-01',
    }),
    scopedBy: 'body',
  },
  'GET /api/members': { access: 'org.read', target: 'none' },
  'GET /api/organizations/:id/households': { access: 'org.read', target: 'organization' },
  'GET /api/members/:id': { access: 'org.read', target: 'member' },
  'PUT /api/members/:id/account': {
    access: 'org.write',
    target: 'member',
    body: () => ({ username: 'matrix-nobody' }),
  },
  'GET /api/me/member': { access: 'authenticated', target: 'none' },
  'GET /api/enterprises': { access: 'org.read', target: 'none' },
  'POST /api/enterprises': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      name: '矩阵测试公司',
      creditCode: '91350100M000100Y43',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'PUT /api/households/:id/care': {
    access: 'care.assign',
    target: 'household',
    body: (ids) => ({ memberId: ids.member }),
  },
  'DELETE /api/households/:id/care': { access: 'care.assign', target: 'household' },
  'GET /api/coverage/:code': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/uncovered': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/buildings-without-branch': { access: 'org.read', target: 'region' },
  'GET /api/coverage/:code/enterprises-without-organization': { access: 'org.read', target: 'region' },

  // Member workflows
  'GET /api/me/registration': { access: 'authenticated', target: 'none' },
  'POST /api/me/registration': { access: 'authenticated', target: 'none' },
  'GET /api/registrations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/registrations/summary': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/registrations/:id/decision': {
    access: 'org.write',
    target: 'registration',
    body: () => ({ decision: 'reject', note: '矩阵测试' }),
  },
  'POST /api/transfers': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      memberId: ids.member,
      toOrganizationId: ids.otherBranch,
      duesPaidUntil: beijingMonth(),
      letterValidDays: 30,
    }),
    scopedBy: 'body',
  },
  'GET /api/transfers': { access: 'org.read', target: 'none' },
  'POST /api/transfers/expire': { access: 'org.write', target: 'none' },
  'GET /api/transfers/:id': { access: 'org.read', target: 'transfer' },
  'POST /api/transfers/:id/actions': {
    access: 'org.write',
    target: 'transfer',
    body: () => ({ action: 'reject', note: '矩阵测试' }),
  },
  'POST /api/members/:id/commitments': {
    access: 'authenticated',
    target: 'own_member',
    body: () => ({ year: new Date().getUTCFullYear(), content: '矩阵测试承诺' }),
  },
  'GET /api/me/commitments': { access: 'authenticated', target: 'none' },
  'POST /api/commitments/:id/progress': {
    access: 'authenticated',
    target: 'own_commitment',
    body: () => ({ progress: 10, note: '矩阵测试' }),
  },
  'POST /api/commitments/:id/ratings': {
    access: 'org.read',
    target: 'commitment',
    body: () => ({ rating: 'satisfied' }),
  },
  'GET /api/commitments': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/commitments/:id': { access: 'org.read', target: 'commitment' },
  'POST /api/commendations': {
    access: 'org.write',
    target: 'none',
    body: (ids) => ({
      year: new Date().getUTCFullYear() - 1,
      title: '优秀党员',
      subjectType: 'member',
      subjectId: ids.member,
    }),
    scopedBy: 'body',
  },
  'GET /api/commendations': {
    access: 'org.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },

  // Work orders
  'POST /api/work-orders': {
    access: 'workorder.intake',
    target: 'none',
    body: (ids) => ({
      categoryCode: 'livelihood.elderly_care',
      description: '独居老人家中暖气不热',
      channel: 'hotline',
      householdId: ids.household,
      contactName: '王大爷',
      contactPhone: '13845671234',
    }),
    scopedBy: 'body',
  },
  // No region-filter check: the list also holds orders given to the caller in their own name
  // (a member handling one), wherever they lie, so a region outside the caller's scope may
  // rightly list some; the filter narrows what the caller may see and answers 200.
  'GET /api/work-orders': { access: 'authenticated', target: 'none' },
  'GET /api/work-orders/similar': {
    access: 'workorder.intake',
    target: 'none',
    scopedBy: { query: 'regionCode', also: 'categoryCode=livelihood.elderly_care' },
  },
  'GET /api/work-orders/caller': { access: 'workorder.intake', target: 'none' },
  'GET /api/work-orders/:id': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.read',
  },
  'GET /api/work-orders/:id/dispatch-options': { access: 'workorder.dispatch', target: 'work_order' },
  'POST /api/work-orders/:id/actions': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.supervise',
    body: () => ({ action: 'urge', note: '矩阵测试' }),
  },
  'POST /api/work-orders/:id/attachments': {
    access: 'authenticated',
    target: 'work_order',
    scopePermission: 'workorder.read',
    upload: true,
  },
  'GET /api/work-order-attachments/:id': {
    access: 'authenticated',
    target: 'attachment',
    scopePermission: 'workorder.read',
  },
  'GET /api/work-order-attachments/:id/thumbnail': {
    access: 'authenticated',
    target: 'attachment',
    scopePermission: 'workorder.read',
  },
  'PUT /api/work-orders/:id/public-description': {
    access: 'workorder.dispatch',
    target: 'work_order',
    body: () => ({ text: '路灯不亮，已派单处理' }),
  },

  // Catalogue, calendar, hotlines, Open311 keys
  'GET /api/service-categories': { access: 'authenticated', target: 'none' },
  'POST /api/service-categories': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({
      code: 'matrix',
      name: '矩阵测试',
      handlerKind: 'community',
      signHours: 4,
      resolveDays: 3,
    }),
  },
  'PATCH /api/service-categories/:code': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ description: '矩阵测试' }),
  },
  'GET /api/calendar': { access: 'authenticated', target: 'none' },
  'PUT /api/calendar/:date': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ kind: 'holiday', name: '矩阵测试' }),
  },
  'DELETE /api/calendar/:date': { access: 'catalogue.manage', target: 'global' },
  // A district's own settings: only admins over the whole district (the fixture's roles sit at a
  // community, so they are refused like on the shared settings; another district's admin gets 404,
  // tested in district-catalogue.test.ts).
  'PUT /api/districts/:district/calendar/:date': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ kind: 'holiday', name: '矩阵测试' }),
  },
  'DELETE /api/districts/:district/calendar/:date': { access: 'catalogue.manage', target: 'global' },
  'PUT /api/districts/:district/service-categories/:code': {
    access: 'catalogue.manage',
    target: 'global',
    body: () => ({ active: true }),
  },
  // A hotline number is public and any operator of the district may take a call on it.
  'GET /api/hotlines': { access: 'workorder.read', target: 'none', listsWholeDistrict: true },
  'POST /api/hotlines': {
    access: 'catalogue.manage',
    target: 'none',
    body: (ids) => ({
      number: `0451-${Math.floor(1000 + Math.random() * 8999)}`,
      name: '矩阵热线',
      regionCode: ids.region,
    }),
    scopedBy: 'body',
  },
  'PATCH /api/hotlines/:id': {
    access: 'catalogue.manage',
    target: 'hotline',
    body: () => ({ active: true }),
  },
  'GET /api/open311/keys': { access: 'catalogue.manage', target: 'none' },
  'POST /api/open311/keys': {
    access: 'catalogue.manage',
    target: 'none',
    body: (ids) => ({ name: `矩阵客户端${Math.random().toString(36).slice(2, 7)}`, regionCode: ids.region }),
    scopedBy: 'body',
  },
  'POST /api/open311/keys/:id/revoke': { access: 'catalogue.manage', target: 'open311_key' },

  // Deeds, notifications, report
  'GET /api/deeds': {
    access: 'workorder.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/deeds/summary': {
    access: 'workorder.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'POST /api/deeds': {
    access: 'deed.write',
    target: 'none',
    body: (ids) => ({ memberId: ids.member, title: '帮独居老人买菜', doneOn: '2026-01-05' }),
    scopedBy: 'body',
  },
  'POST /api/me/deeds': { access: 'authenticated', target: 'none' },
  'GET /api/me/notifications': { access: 'authenticated', target: 'none' },
  'POST /api/me/notifications/:id/read': { access: 'authenticated', target: 'own_notification' },
  'GET /api/report/article': { access: 'region.read', target: 'none' },

  // Open311 GeoReport v2 (public by design; API keys checked inside)
  'GET /open311/v2/discovery.json': { access: 'public', target: 'none' },
  'GET /open311/v2/services.json': { access: 'public', target: 'none' },
  'GET /open311/v2/requests.json': { access: 'public', target: 'none' },
  'GET /open311/v2/discovery.xml': { access: 'public', target: 'none' },
  'GET /open311/v2/services.xml': { access: 'public', target: 'none' },
  'GET /open311/v2/requests.xml': { access: 'public', target: 'none' },
  'POST /open311/v2/requests.:format': { access: 'public', target: 'none' },
  'GET /open311/v2/services/:file': { access: 'public', target: 'none' },
  'GET /open311/v2/requests/:file': { access: 'public', target: 'none' },

  // Resident portal
  'POST /api/portal/otp': { access: 'public', target: 'none' },
  'POST /api/portal/login': { access: 'public', target: 'none' },
  'POST /api/portal/logout': { access: 'resident', target: 'none' },
  'GET /api/portal/me': { access: 'resident', target: 'none' },
  'POST /api/portal/me/export': { access: 'resident', target: 'none' },
  'GET /api/portal/categories': { access: 'resident', target: 'none' },
  'GET /api/portal/places': { access: 'resident', target: 'none' },
  'POST /api/portal/requests': { access: 'resident', target: 'none' },
  'GET /api/portal/requests': { access: 'resident', target: 'none' },
  'GET /api/portal/requests/:id': { access: 'resident', target: 'resident_request' },
  'POST /api/portal/requests/:id/photos': { access: 'resident', target: 'resident_request', upload: true },
  'GET /api/portal/requests/:id/photos/:photoId': { access: 'resident', target: 'resident_request' },
  'POST /api/portal/requests/:id/rating': {
    access: 'resident',
    target: 'resident_request',
    body: () => ({ satisfaction: 'satisfied' }),
  },

  // Cockpit
  'GET /api/cockpit': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/boundaries': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/export.xlsx': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },
  'GET /api/cockpit/report.pdf': {
    access: 'cockpit.read',
    target: 'none',
    scopedBy: { query: 'region' },
  },

  // Volunteering (src/server/modules/volunteering; fixtures: volunteering/testing.ts)
  'GET /api/volunteer-teams': { access: 'volunteer.read', target: 'none', scopedBy: { query: 'region' } },
  'GET /api/volunteers': { access: 'volunteer.read', target: 'none' },
  'POST /api/volunteers': {
    access: 'volunteer.manage',
    target: 'none',
    body: (ids) => ({ teamId: ids.volunteerTeam ?? NOTHING, personId: ids.person }),
    scopedBy: 'body',
  },
  'GET /api/volunteers/:id': { access: 'volunteer.read', target: 'volunteer' },
  'PATCH /api/volunteers/:id': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ skills: ['矩阵'] }),
  },
  'POST /api/volunteers/:id/record-entries': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ kind: 'training', title: '矩阵培训', onDate: '2026-01-01' }),
  },
  'POST /api/volunteers/:id/certificates': {
    access: 'volunteer.manage',
    target: 'volunteer',
    body: () => ({ from: '2020-01-01', to: '2030-12-31' }),
  },
  'GET /api/volunteer-certificates/:id/pdf': { access: 'volunteer.read', target: 'volunteer_certificate' },
  'GET /api/me/volunteering/certificates/:id/pdf': {
    access: 'authenticated',
    target: 'own_volunteer_certificate',
  },
  'GET /api/public/volunteer-certificates/:serial': { access: 'public', target: 'none' },
  'GET /api/volunteer-activities': { access: 'volunteer.read', target: 'none' },
  'POST /api/volunteer-activities': {
    access: 'activity.lead',
    target: 'none',
    body: (ids) => {
      const start = Date.now() + 10 * 86_400_000;
      return {
        teamId: ids.volunteerTeam ?? NOTHING,
        area: '社区环境',
        title: '矩阵活动',
        place: '矩阵',
        signupMode: 'open',
        cancelCutoffHours: 2,
        shifts: [
          {
            role: '清扫',
            needed: 2,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3_600_000).toISOString(),
          },
        ],
      };
    },
    scopedBy: 'body',
  },
  'GET /api/volunteer-activities/:id': { access: 'volunteer.read', target: 'volunteer_activity' },
  'POST /api/volunteer-activities/:id/signups': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({ shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING }),
  },
  'POST /api/volunteer-activities/:id/walk-ins': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({ shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING }),
  },
  'GET /api/volunteer-activities/:id/check-in-code': {
    access: 'activity.lead',
    target: 'volunteer_activity',
  },
  'POST /api/volunteer-activities/:id/hours/confirm': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: () => ({ items: [{ signupId: NOTHING, minutes: 30 }] }),
  },
  'POST /api/volunteer-activities/:id/hours/bulk': {
    access: 'activity.lead',
    target: 'volunteer_activity',
    body: (ids) => ({
      entries: [
        { shiftId: ids.volunteerShift ?? NOTHING, volunteerId: ids.volunteer ?? NOTHING, minutes: 30 },
      ],
    }),
  },
  'POST /api/volunteer-signups/:id/decision': {
    access: 'activity.lead',
    target: 'volunteer_signup',
    body: () => ({ decision: 'confirm' }),
  },
  'POST /api/volunteer-signups/:id/cancel': { access: 'activity.lead', target: 'volunteer_signup' },
  'POST /api/volunteer-signups/:id/attendance': {
    access: 'activity.lead',
    target: 'volunteer_signup',
    body: () => ({ action: 'no_show' }),
  },
  'GET /api/me/volunteering': { access: 'authenticated', target: 'none' },
  'POST /api/me/volunteering/signups': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ activityId: NOTHING, shiftId: NOTHING }),
  },
  'POST /api/me/volunteering/signups/:id/cancel': { access: 'authenticated', target: 'own_volunteer_signup' },
  'POST /api/me/volunteering/check-in': {
    access: 'authenticated',
    target: 'none',
    body: () => ({ activityId: NOTHING, code: '123456', action: 'check_in' }),
  },
};

/** What a staff role should get from a route, before scope is considered. */
export type ExpectedClass =
  | 'public'
  /** A resident route: staff sessions are not residents. */
  | 'unauthenticated'
  /** The role lacks the route's permission. */
  | 'forbidden'
  /** The role may call the route: inside its scope it is served, outside a targeted record is 404. */
  | 'allowed';

export function expectedFor(role: RoleName, row: MatrixRow): ExpectedClass {
  if (row.access === 'public') return 'public';
  if (row.access === 'resident') return 'unauthenticated';
  if (row.access === 'authenticated') return 'allowed';
  return ROLE_PERMISSIONS[role].includes(row.access) ? 'allowed' : 'forbidden';
}

/** Whether a role can see the route's target record at all (its permission or its service's). */
export function reachesTarget(role: RoleName, row: MatrixRow): boolean {
  if (expectedFor(role, row) !== 'allowed') return false;
  const permission = row.scopePermission ?? (row.access === 'authenticated' ? undefined : row.access);
  return permission === undefined || ROLE_PERMISSIONS[role].includes(permission as Permission);
}
