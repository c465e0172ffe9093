import { v7 as uuidv7 } from 'uuid';
import { campaignSchema, changeRequestPageSchema, visitSchema } from '../../../shared/api/visits.js';
import type { TestEnv } from '../../testing/test-env.js';

/** Fixtures for visit tests (and the authorization matrix): campaigns and visits made through the API. */

const DAY = 86_400_000;
export const isoDay = (at: number): string => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

/** A campaign over a region, running from 30 days ago to 30 days ahead (Beijing days). */
export async function createCampaign(
  env: TestEnv,
  cookie: string,
  body: { regionCode: string } & Record<string, unknown>,
): Promise<{ id: string; households: number }> {
  const now = env.now().getTime();
  const response = await env.inject('POST', '/api/visit-campaigns', {
    cookie,
    body: {
      name: '大走访',
      startsOn: isoDay(now - 30 * DAY),
      endsOn: isoDay(now + 30 * DAY),
      rule: 'every_household',
      ...body,
    },
  });
  if (response.status !== 201) throw new Error(`campaign: ${JSON.stringify(response.json)}`);
  const created = response.body(campaignSchema);
  return { id: created.id, households: created.households };
}

/** The households of register persons, each once with one of its persons (in the order of person ids). */
export async function householdsOf(
  env: TestEnv,
  personIds: readonly string[],
): Promise<{ id: string; personId: string }[]> {
  const rows = await env.database.db
    .selectFrom('persons')
    .select(['id', 'household_id'])
    .where('id', 'in', personIds)
    .orderBy('id')
    .execute();
  const seen = new Map<string, string>();
  for (const row of rows)
    if (row.household_id && !seen.has(row.household_id)) seen.set(row.household_id, row.id);
  return [...seen].map(([id, personId]) => ({ id, personId }));
}

/** A valid visit body for a household: met in person, an hour ago, nothing found. */
export const visitBody = (env: TestEnv, householdId: string, extra: Record<string, unknown> = {}) => {
  const now = env.now().getTime();
  return {
    idempotencyKey: uuidv7(),
    householdId,
    startedAt: new Date(now - 3600_000).toISOString(),
    endedAt: new Date(now - 3000_000).toISOString(),
    method: 'home',
    outcome: 'met',
    ...extra,
  };
};

/** A campaign, a visit with a need and a change request, for a household of a community. */
export async function visitFixture(
  env: TestEnv,
  cookie: string,
  community: string,
  household: { id: string; personId: string },
): Promise<{ campaign: string; visit: string; need: string; changeRequest: string }> {
  const campaign = await createCampaign(env, cookie, { regionCode: community });
  const visit = await env.inject('POST', '/api/visits', {
    cookie,
    body: visitBody(env, household.id, {
      needs: [{ type: 'hardship', description: '老人冬季取暖费用困难' }],
      changes: [{ kind: 'new_phone', personId: household.personId, value: '13912345678' }],
    }),
  });
  if (visit.status !== 201) throw new Error(`visit: ${JSON.stringify(visit.json)}`);
  const recorded = visit.body(visitSchema);
  const requests = await env.inject('GET', `/api/visit-change-requests?status=pending&region=${community}`, {
    cookie,
  });
  const request = requests.body(changeRequestPageSchema).items.find((r) => r.visitId === recorded.id);
  if (!request) throw new Error(`change request: ${JSON.stringify(requests.json)}`);
  return {
    campaign: campaign.id,
    visit: recorded.id,
    need: recorded.needs[0]!.id,
    changeRequest: request.id,
  };
}
