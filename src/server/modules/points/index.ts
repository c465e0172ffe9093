/**
 * 党员积分 (issue 14, the annual review): points for party members from each district's rules over
 * what the platform records (volunteer hours, visits, meetings attended) and from secretaries'
 * manual rows, with a ledger of why. What other code (app.ts, the scheduler, the demo) may use.
 */

export { pointsRoutes } from './points.routes.js';
export type { PointsTables } from './points.tables.js';
export { accrueAllDistricts, accruePoints } from './points-accrual.service.js';
export { changePointsRules, pointsRulesOf } from './points-rules-table.js';
