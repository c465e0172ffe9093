import { collectiveDetailSchema, dividendRunSchema } from '../../../shared/api/collectives.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';

/** Fixtures for the collectives tests (and the authorization matrix). */
export interface CollectiveWorld {
  community: string;
  gridCode: string;
  people: { id: string; name: string; regionCode: string }[];
  /** Two secretaries of the community: one drafts a dividend run, the other approves it. */
  drafter: { cookie: string; id: string };
  approver: { cookie: string; id: string };
}

export async function collectiveWorld(env: TestEnv, community: string, count = 5): Promise<CollectiveWorld> {
  const { gridCode, people } = await createResidents(env, community, count);
  return {
    community,
    gridCode,
    people,
    drafter: await loginIn(env, { role: 'secretary', regionCode: community }),
    approver: await loginIn(env, { role: 'secretary', regionCode: community }),
  };
}

async function ok(env: TestEnv, cookie: string, method: 'POST', url: string, body: unknown, status = 200) {
  const r = await env.inject(method, url, { cookie, body });
  if (r.status !== status) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.json)}`);
  return r;
}

/** A collective of `community` with `holdings` (person id → shares) and one income entry of `year`. */
export async function makeCollective(
  env: TestEnv,
  cookie: string,
  community: string,
  options: {
    retentionBp?: number;
    holdings?: [string, number][];
    income?: { year: number; fen: number };
  } = {},
): Promise<string> {
  const created = await ok(
    env,
    cookie,
    'POST',
    '/api/collectives',
    { regionCode: community, name: '集体经济股份合作社', retentionBp: options.retentionBp ?? 1000 },
    201,
  );
  const id = created.body(collectiveDetailSchema).id;
  for (const [personId, shares] of options.holdings ?? [])
    await ok(env, cookie, 'POST', `/api/collectives/${id}/shareholders`, { personId, shares });
  if (options.income)
    await ok(env, cookie, 'POST', `/api/collectives/${id}/incomes`, {
      year: options.income.year,
      amountFen: options.income.fen,
      source: '土地流转收益',
      receivedOn: `${options.income.year}-06-30`,
    });
  return id;
}

/** The authorization matrix's collective of `community` and its 2026 run, drafted by the admin. */
export async function collectiveMatrixFixture(
  env: TestEnv,
  adminCookie: string,
  community: string,
  shareholder: string,
): Promise<{ collective: string; run: string }> {
  const collective = await makeCollective(env, adminCookie, community, {
    holdings: [[shareholder, 2]],
    income: { year: 2026, fen: 100_001 },
  });
  const drafted = await ok(
    env,
    adminCookie,
    'POST',
    `/api/collectives/${collective}/dividend-runs`,
    { year: 2026 },
    201,
  );
  return { collective, run: drafted.body(dividendRunSchema).id };
}
