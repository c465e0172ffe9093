import { caseDetailSchema, resettlementSchema } from '../../../shared/api/relocation.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';

/** Fixtures for the relocation tests (and the authorization matrix). */
export interface RelocationWorld {
  community: string;
  gridCode: string;
  /** The grid's households, in id order. */
  households: { id: string; regionCode: string }[];
  secretary: { cookie: string; id: string };
  gridWorker: { cookie: string; id: string };
}

export async function relocationWorld(env: TestEnv, community: string, count = 6): Promise<RelocationWorld> {
  const { gridCode } = await createResidents(env, community, count);
  const households = (
    await env.database.db
      .selectFrom('households')
      .select(['id', 'region_code'])
      .where('grid_code', '=', gridCode)
      .orderBy('id')
      .execute()
  ).map((h) => ({ id: h.id, regionCode: h.region_code }));
  return {
    community,
    gridCode,
    households,
    secretary: await loginIn(env, { role: 'secretary', regionCode: community }),
    gridWorker: await loginIn(env, { role: 'grid_worker', regionCode: gridCode }),
  };
}

export const caseBody = (subjectId: string, overrides: Record<string, unknown> = {}) => ({
  subject: 'household',
  subjectId,
  program: 'land',
  landAreaDm2: 66_667,
  houseAreaDm2: 12_034,
  surveyedOn: '2026-01-05',
  ...overrides,
});

async function ok(env: TestEnv, cookie: string, url: string, body: unknown, status = 200) {
  const r = await env.inject('POST', url, { cookie, body });
  if (r.status !== status) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json)}`);
  return r;
}

/** Opens a case as `cookie` and answers its id (throws on anything but 201). */
export async function openCase(
  env: TestEnv,
  cookie: string,
  subjectId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await ok(env, cookie, '/api/relocation-cases', caseBody(subjectId, overrides), 201);
  return created.body(caseDetailSchema).id;
}

/** Takes a case from surveyed up to `moved` (agree, pay, move), all dated `day`. */
export async function bringToMoved(env: TestEnv, cookie: string, id: string, day = '2026-02-01') {
  await ok(env, cookie, `/api/relocation-cases/${id}/agree`, { compensationFen: 45_678_900, agreedOn: day });
  await ok(env, cookie, `/api/relocation-cases/${id}/pay`, { paidOn: day });
  await ok(env, cookie, `/api/relocation-cases/${id}/move`, { movedOn: day });
}

export async function makeResettlement(
  env: TestEnv,
  cookie: string,
  regionCode: string,
  capacityUnits: number,
): Promise<string> {
  const created = await ok(
    env,
    cookie,
    '/api/resettlement-communities',
    { regionCode, name: `回迁安置小区${regionCode.slice(-3)}`, capacityUnits },
    201,
  );
  return created.body(resettlementSchema).id;
}

/** The authorization matrix's records: a surveyed case of `householdId`, a resettlement community at `community`. */
export async function relocationMatrixFixtures(
  env: TestEnv,
  adminCookie: string,
  community: string,
  householdId: string,
) {
  return {
    relocationCase: await openCase(env, adminCookie, householdId),
    resettlement: await makeResettlement(env, adminCookie, community, 100),
  };
}
