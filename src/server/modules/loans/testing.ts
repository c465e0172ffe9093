import { loanDetailSchema } from '../../../shared/api/loans.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';

/** Fixtures for the loans tests (and the authorization matrix): residents and the staff of each step. */
export interface LoanWorld {
  community: string;
  gridCode: string;
  people: { id: string; name: string; regionCode: string }[];
  /** A grid worker of the residents' grid (takes applications, hears of arrears). */
  gridWorker: { cookie: string; id: string };
  secretary: { cookie: string; id: string };
  /** The street's secretary: where the community's late steps are escalated. */
  streetSecretary: { cookie: string; id: string };
  centre: { cookie: string; id: string };
  bank: { cookie: string; id: string };
  /** A district administrator: where the centre's and the bank's late steps are escalated. */
  districtAdmin: { cookie: string; id: string };
}

export async function loanWorld(env: TestEnv, community: string, count = 4): Promise<LoanWorld> {
  const { gridCode, people } = await createResidents(env, community, count);
  const district = community.slice(0, 6);
  return {
    community,
    gridCode,
    people,
    gridWorker: await loginIn(env, { role: 'grid_worker', regionCode: gridCode }),
    secretary: await loginIn(env, { role: 'secretary', regionCode: community }),
    streetSecretary: await loginIn(env, { role: 'secretary', regionCode: community.slice(0, 9) }),
    centre: await loginIn(env, { role: 'guarantee_officer', regionCode: district }),
    bank: await loginIn(env, { role: 'bank_officer', regionCode: district }),
    districtAdmin: await loginIn(env, { role: 'district_admin', regionCode: district }),
  };
}

export const loanBody = (personId: string, overrides: Record<string, unknown> = {}) => ({
  personId,
  amountFen: 10_000_000,
  termMonths: 12,
  purpose: '购置设备',
  business: '社区早餐店',
  repaymentMethod: 'equal_instalment',
  ...overrides,
});

export const DEFAULT_DOCUMENTS = ['身份证', '户口簿', '营业执照', '创业培训合格证', '经营场所证明'];

/** Takes an application in as `cookie` and answers its id (throws on anything but 201). */
export async function applyFor(
  env: TestEnv,
  cookie: string,
  personId: string,
  overrides: Record<string, unknown> = {},
) {
  const created = await env.inject('POST', '/api/loan-applications', {
    cookie,
    body: loanBody(personId, overrides),
  });
  if (created.status !== 201) throw new Error(`loan: ${created.status} ${JSON.stringify(created.json)}`);
  return created.body(loanDetailSchema).id;
}

/** Ticks every document, then takes the application through the steps up to (not including) `until`. */
export async function advance(
  env: TestEnv,
  world: LoanWorld,
  id: string,
  until: 'community_review' | 'centre_review' | 'bank_approval' | 'disbursed',
  disbursedOn?: string,
) {
  const step = async (cookie: string, path: string, body: unknown = {}) => {
    const r = await env.inject('POST', `/api/loan-applications/${id}/${path}`, { cookie, body });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.json)}`);
  };
  await step(world.secretary.cookie, 'accept');
  if (until === 'community_review') return;
  for (const item of DEFAULT_DOCUMENTS)
    await step(world.gridWorker.cookie, 'documents', { item, ticked: true });
  await step(world.secretary.cookie, 'community-approve');
  if (until === 'centre_review') return;
  await step(world.centre.cookie, 'centre-approve');
  if (until === 'bank_approval') return;
  await step(world.bank.cookie, 'disburse', {
    disbursedOn: disbursedOn ?? new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    bankName: '哈尔滨银行平房支行',
    contractNo: 'HRB-2026-001',
  });
}

/** The authorization matrix's loan: one application, just submitted, of a resident of `community`. */
export async function loanMatrixFixture(
  env: TestEnv,
  adminCookie: string,
  personId: string,
): Promise<string> {
  return applyFor(env, adminCookie, personId);
}
