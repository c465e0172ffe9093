import { districtOf } from '../../../shared/region-code.js';
import type { TestEnv } from '../../testing/test-env.js';
import { QINGNIAN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';

/**
 * A small place for work-order tests: residents in a grid of 青年社区, and staff along the tree —
 * a hotline operator for the district, the community's secretary, the grid's worker, and a
 * worker of another grid who must not see anything of this one.
 */
export async function workOrderWorld(env: TestEnv) {
  const { gridCode, people } = await createResidents(env, QINGNIAN, 4);
  const otherGrid = (await createResidents(env, QINGNIAN, 1)).gridCode;
  const household = await env.database.db
    .selectFrom('persons')
    .select(['household_id', 'region_code'])
    .where('id', '=', people[0]!.id)
    .executeTakeFirstOrThrow();
  const operator = await env.loginAs({ role: 'hotline_operator', regionCode: districtOf(QINGNIAN) });
  const secretary = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
  const worker = await env.loginAs({ role: 'grid_worker', regionCode: gridCode });
  const outsider = await env.loginAs({ role: 'grid_worker', regionCode: otherGrid });
  const admin = await env.loginAdmin();
  return {
    gridCode,
    otherGrid,
    people,
    householdId: household.household_id!,
    buildingCode: household.region_code,
    operator,
    secretary,
    worker,
    outsider,
    admin,
  };
}

export type WorkOrderWorld = Awaited<ReturnType<typeof workOrderWorld>>;

/** A valid intake body for 独居老人照料 at the world's first household. */
export const elderlyCareOrder = (world: WorkOrderWorld, overrides: Record<string, unknown> = {}) => ({
  categoryCode: 'livelihood.elderly_care',
  description: '独居老人王大爷家中暖气不热，需要上门查看',
  channel: 'hotline',
  householdId: world.householdId,
  contactName: '王大爷',
  contactPhone: '13845671234',
  ...overrides,
});
