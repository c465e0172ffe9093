import { beijingYear } from '../../shared/beijing-time.js';
import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { accruePoints, changePointsRules } from '../modules/points/index.js';
import type { ServiceContext } from '../services.js';

/**
 * 党员积分 in the demo: the home district sets its rules (2 points per volunteer hour, 1 per visit,
 * 2 per meeting attended, each capped for the year) and accrues this year's points from the
 * demo's hours, visits and meetings, through the module's own services. One accrual of one
 * district: its rows are inserted in batches, so it stays cheap at every scale.
 */
export async function buildDemoPoints(ctx: ServiceContext, districtCodes: readonly string[]): Promise<void> {
  const home = ctx.config.districtCode;
  if (!districtCodes.includes(home)) return;
  const scope = new Scope([home], ctx.database.dialect);
  await changePointsRules(
    ctx,
    scope,
    home,
    [
      { sourceKind: 'volunteer_hours', points: 2, yearlyCap: 80, active: true },
      { sourceKind: 'visits', points: 1, yearlyCap: 40, active: true },
      { sourceKind: 'meetings_attended', points: 2, yearlyCap: 40, active: true },
      { sourceKind: 'study_passed', points: 5, yearlyCap: 40, active: true },
    ],
    SYSTEM_ACTOR,
  );
  await accruePoints(ctx, home, beijingYear(ctx.now()), SYSTEM_ACTOR);
}
