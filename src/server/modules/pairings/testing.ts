import { pairingDetailSchema } from '../../../shared/api/pairings.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents, loginIn } from '../member-workflows/testing.js';

/** Fixtures for the pairings tests (and the authorization matrix). */
export interface PairingWorld {
  community: string;
  gridCode: string;
  /** The grid's households, in id order, each with its head's person id. */
  households: { id: string; headId: string; regionCode: string }[];
  gridWorker: { cookie: string; id: string };
  secretary: { cookie: string; id: string };
}

/**
 * Residents in a new grid of `community`, with difficulty tags exactly on the heads of the first
 * `tagged` households (the imported residents' random 低保户 tags are taken off first, so the
 * coverage figures can be counted by hand).
 */
export async function pairingWorld(
  env: TestEnv,
  community: string,
  count = 8,
  tagged = 3,
): Promise<PairingWorld> {
  const { gridCode } = await createResidents(env, community, count);
  const db = env.database.db;
  const households = (
    await db
      .selectFrom('households')
      .select(['id', 'head_person_id', 'region_code'])
      .where('grid_code', '=', gridCode)
      .orderBy('id')
      .execute()
  ).map((h) => ({ id: h.id, headId: h.head_person_id!, regionCode: h.region_code }));
  const difficulty = await db
    .selectFrom('tags')
    .select('code')
    .where('name', 'in', ['低保户', '特困'])
    .execute();
  const people = await db
    .selectFrom('persons')
    .select('id')
    .where('region_code', 'like', `${gridCode}%`)
    .execute();
  await db
    .deleteFrom('person_tags')
    .where(
      'person_id',
      'in',
      people.map((p) => p.id),
    )
    .where(
      'tag_code',
      'in',
      difficulty.map((t) => t.code),
    )
    .execute();
  for (const household of households.slice(0, tagged)) await tagHousehold(env, household.headId, '低保户');
  return {
    community,
    gridCode,
    households,
    gridWorker: await loginIn(env, { role: 'grid_worker', regionCode: gridCode }),
    secretary: await loginIn(env, { role: 'secretary', regionCode: community }),
  };
}

export async function tagHousehold(env: TestEnv, personId: string, tag: string): Promise<void> {
  const db = env.database.db;
  const { code } = await db
    .selectFrom('tags')
    .select('code')
    .where('name', '=', tag)
    .executeTakeFirstOrThrow();
  const person = await db
    .selectFrom('persons')
    .select('district_code')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('person_tags')
    .values({ person_id: personId, tag_code: code, district_code: person.district_code })
    .execute();
}

export const pairingBody = (helperId: string, targetId: string, overrides: Record<string, unknown> = {}) => ({
  helperKind: 'user',
  helperId,
  targetKind: 'household',
  targetId,
  goals: '稳定增收，子女就学',
  plan: '每月走访一次',
  startedOn: '2026-01-05',
  ...overrides,
});

/** Pairs as `cookie` and answers the pairing's id (throws on anything but 201). */
export async function pair(
  env: TestEnv,
  cookie: string,
  helperId: string,
  targetId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await env.inject('POST', '/api/pairings', {
    cookie,
    body: pairingBody(helperId, targetId, overrides),
  });
  if (created.status !== 201) throw new Error(`pairing: ${created.status} ${JSON.stringify(created.json)}`);
  return created.body(pairingDetailSchema).id;
}

/** The authorization matrix's pairing: `helper` (an account) paired with the community itself. */
export const pairingMatrixFixture = (env: TestEnv, adminCookie: string, helper: string, community: string) =>
  pair(env, adminCookie, helper, community, { targetKind: 'region' });
