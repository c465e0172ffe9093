import { type Permission, ROLE_PERMISSIONS, type RoleName } from '../auth/permissions.js';
import { ACCOUNTS_ROUTES } from './authorization-matrix/accounts.js';
import { BULLETINS_ROUTES } from './authorization-matrix/bulletins.js';
import { CATALOGUE_ROUTES } from './authorization-matrix/catalogue.js';
import { COBUILDING_ROUTES } from './authorization-matrix/cobuilding.js';
import { COCKPIT_ROUTES } from './authorization-matrix/cockpit.js';
import { DEEDS_NOTIFICATIONS_ROUTES } from './authorization-matrix/deeds-notifications.js';
import { FUNDS_ROUTES } from './authorization-matrix/funds.js';
import { JOBS_ROUTES } from './authorization-matrix/jobs.js';
import { LOANS_ROUTES } from './authorization-matrix/loans.js';
import { MEETINGS_ROUTES } from './authorization-matrix/meetings.js';
import { MEMBER_WORKFLOWS_ROUTES } from './authorization-matrix/member-workflows.js';
import { OPEN311_ROUTES } from './authorization-matrix/open311.js';
import { ORGANIZATIONS_ROUTES } from './authorization-matrix/organizations.js';
import { PAIRINGS_ROUTES } from './authorization-matrix/pairings.js';
import { POINTS_ROUTES } from './authorization-matrix/points.js';
import { PORTAL_ROUTES } from './authorization-matrix/portal.js';
import { REGIONS_ROUTES } from './authorization-matrix/regions.js';
import { REGISTER_ROUTES } from './authorization-matrix/register.js';
import { RELOCATION_ROUTES } from './authorization-matrix/relocation.js';
import { REVIEWS_ROUTES } from './authorization-matrix/reviews.js';
import { SURVEYS_ROUTES } from './authorization-matrix/surveys.js';
import { SYSTEM_ROUTES } from './authorization-matrix/system.js';
import { TIMEBANK_ROUTES } from './authorization-matrix/timebank.js';
import { TRAINING_ROUTES } from './authorization-matrix/training.js';
import type { MatrixRow, MatrixRows } from './authorization-matrix/types.js';
import { VISITS_ROUTES } from './authorization-matrix/visits.js';
import { VOLUNTEERING_ROUTES } from './authorization-matrix/volunteering.js';
import { WORK_ORDERS_ROUTES } from './authorization-matrix/work-orders.js';
import { WORKLOGS_ROUTES } from './authorization-matrix/worklogs.js';

export type {
  MatrixAccess,
  MatrixRow,
  MatrixRows,
  SampleIds,
  TargetKind,
} from './authorization-matrix/types.js';

/**
 * The authorization matrix: one reviewed row per route the app registers (HEAD aside), saying who
 * may call it and which kind of record its path names. `authorization-matrix.test.ts` checks that
 * this table lists exactly the app's routes, that each row's access equals the route's own
 * declaration (so a changed declaration fails until the table is reviewed too), and then calls
 * every route as every role, inside and outside the role's scope.
 *
 * Each module's rows live in their own file under `authorization-matrix/` (types in `types.ts`).
 * A new module adds `authorization-matrix/<module>.ts` with one row per route and lists it in
 * `MODULE_ROWS` below; its rows' target kinds name the fixtures the test builds.
 */
const MODULE_ROWS: readonly MatrixRows[] = [
  SYSTEM_ROUTES,
  ACCOUNTS_ROUTES,
  REGIONS_ROUTES,
  REGISTER_ROUTES,
  ORGANIZATIONS_ROUTES,
  MEMBER_WORKFLOWS_ROUTES,
  WORK_ORDERS_ROUTES,
  CATALOGUE_ROUTES,
  DEEDS_NOTIFICATIONS_ROUTES,
  OPEN311_ROUTES,
  PORTAL_ROUTES,
  COCKPIT_ROUTES,
  VISITS_ROUTES,
  TIMEBANK_ROUTES,
  VOLUNTEERING_ROUTES,
  JOBS_ROUTES,
  LOANS_ROUTES,
  FUNDS_ROUTES,
  PAIRINGS_ROUTES,
  TRAINING_ROUTES,
  RELOCATION_ROUTES,
  MEETINGS_ROUTES,
  SURVEYS_ROUTES,
  REVIEWS_ROUTES,
  POINTS_ROUTES,
  BULLETINS_ROUTES,
  WORKLOGS_ROUTES,
  COBUILDING_ROUTES,
];

/**
 * Joins the modules' rows. Two files naming the same route would silently keep only one row,
 * so that is refused when the module loads.
 */
function combine(parts: readonly MatrixRows[]): MatrixRows {
  const all: Record<string, MatrixRow> = {};
  for (const part of parts) {
    for (const [route, row] of Object.entries(part)) {
      if (route in all) throw new Error(`authorization matrix: ${route} is listed twice`);
      all[route] = row;
    }
  }
  return all;
}

export const AUTHORIZATION_MATRIX: MatrixRows = combine(MODULE_ROWS);

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
