/**
 * bench/visits: visit coverage of a community with 100,000 households against one with 1,000,
 * through the real services (a campaign over each, the households chosen from the register, some
 * visits recorded). Coverage reads counters kept per campaign and region, so the larger community
 * should cost about the same: target ratio ≤ 3. Also prints what counting the campaign's target
 * rows directly costs for the large one, for comparison.
 *   npm run bench -- visits [--rows 100000] [--dialect sqlite|postgres]
 */
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { principalOf } from '../src/server/auth/principal.js';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import type { HouseholdTable } from '../src/server/db/tables.js';
import { RegionsService } from '../src/server/modules/regions/regions.service.js';
import { rebuildRegionStats } from '../src/server/modules/stats/region-stats.repository.js';
import { CampaignsService } from '../src/server/modules/visits/campaigns.service.js';
import { VisitRecording } from '../src/server/modules/visits/visit-recording.service.js';
import { VisitsService } from '../src/server/modules/visits/visits.service.js';
import { benchDatabase, benchOptions, median, printResult, round } from './support.js';

const { dialect, rows: large } = benchOptions(100_000);
const small = 1_000;
const PER_BUILDING = 2_000;
const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const district = new Scope(['230108'], dialect);
const regions = new RegionsService(ctx);

/** A grid in the community with buildings of 2,000 households each. */
async function populate(community: string, households: number): Promise<string[]> {
  const grid = await regions.createChild(
    district,
    community,
    { kind: 'grid', name: '压测网格' },
    SYSTEM_ACTOR,
  );
  const buildings: string[] = [];
  for (let i = 0; i < Math.ceil(households / PER_BUILDING); i++) {
    buildings.push(
      (
        await regions.createChild(
          district,
          grid.code,
          { kind: 'building', name: `${i + 1}号楼` },
          SYSTEM_ACTOR,
        )
      ).code,
    );
  }
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let start = 0; start < households; start += 1000) {
    const batch: Insertable<HouseholdTable>[] = [];
    for (let i = start; i < Math.min(households, start + 1000); i++) {
      const id = uuidv7();
      ids.push(id);
      batch.push({
        id,
        district_code: '230108',
        region_code: buildings[Math.floor(i / PER_BUILDING)]!,
        grid_code: grid.code,
        unit: String((i % 3) + 1),
        floor: (i % 30) + 1,
        room: String(i),
        address: '',
        overview: '',
        head_person_id: null,
        created_at: now,
        updated_at: now,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch.length; i += 250)
        await trx
          .insertInto('households')
          .values(batch.slice(i, i + 250))
          .execute();
    });
  }
  return ids;
}

process.stdout.write(`building communities of ${small} and ${large} households on ${dialect}…\n`);
const smallIds = await populate('230108001002', small);
const largeIds = await populate('230108002001', large);
await rebuildRegionStats(db);

// The installation's admin plans the campaigns and records the visits, as a request would.
const admin = await db
  .selectFrom('users')
  .selectAll()
  .where('username', '=', 'admin')
  .executeTakeFirstOrThrow();
const assignments = await db
  .selectFrom('role_assignments')
  .selectAll()
  .where('user_id', '=', admin.id)
  .execute();
const principal = principalOf({
  user: admin,
  sessionId: 'bench',
  assignments,
  actor: { id: admin.id, name: admin.username, ip: null, requestId: null },
  dialect,
  routePermission: 'visit.plan',
});
const campaigns = new CampaignsService(ctx);
const recording = new VisitRecording(ctx);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const campaignOf = async (community: string) =>
  (
    await campaigns.create(principal, {
      name: '压测大走访',
      regionCode: community,
      startsOn: `${today.slice(0, 4)}-01-01`,
      endsOn: `${today.slice(0, 4)}-12-31`,
      rule: 'every_household',
      minVisits: 1,
    })
  ).id;
const started = performance.now();
const smallCampaign = await campaignOf('230108001002');
const largeCampaign = await campaignOf('230108002001');
process.stdout.write(`campaigns planned in ${(performance.now() - started).toFixed(0)} ms\n`);
const at = new Date(Date.now() - 3600_000).toISOString();
for (const [campaignId, ids] of [
  [smallCampaign, smallIds],
  [largeCampaign, largeIds],
] as const) {
  for (const householdId of ids.slice(0, 200)) {
    await recording.record(principal, {
      idempotencyKey: uuidv7(),
      householdId,
      campaignId,
      companionUserIds: [],
      startedAt: at,
      endedAt: at,
      method: 'home',
      outcome: householdId.endsWith('0') ? 'not_home' : 'met',
      notes: '',
      needs: [],
      changes: [],
    });
  }
}
await sql`analyze`.execute(db);

const visits = new VisitsService(ctx);
const timeCoverage = async (campaignId: string) => {
  const begun = performance.now();
  const figures = await visits.coverage(district, campaignId, undefined);
  return { ms: performance.now() - begun, figures };
};
for (let i = 0; i < 5; i++) {
  await timeCoverage(smallCampaign);
  await timeCoverage(largeCampaign);
}
const smallTimes: number[] = [];
const largeTimes: number[] = [];
for (let i = 0; i < 40; i++) {
  smallTimes.push((await timeCoverage(smallCampaign)).ms);
  largeTimes.push((await timeCoverage(largeCampaign)).ms);
}
const { figures } = await timeCoverage(largeCampaign);
// The same figures counted from the campaign's target rows, for comparison.
const rawTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const begun = performance.now();
  await db
    .selectFrom('visit_targets')
    .select([
      sql<number>`count(*)`.as('households'),
      sql<number>`sum(case when met_count > 0 then 1 else 0 end)`.as('met'),
      sql<number>`sum(case when attempt_count > 0 then 1 else 0 end)`.as('attempted'),
    ])
    .where('campaign_id', '=', largeCampaign)
    .executeTakeFirstOrThrow();
  rawTimes.push(performance.now() - begun);
}
await handle.drop();

const smallMs = median(smallTimes);
const largeMs = median(largeTimes);
process.stdout.write(
  `visit coverage of ${small} households: ${smallMs.toFixed(2)} ms; of ${large}: ${largeMs.toFixed(2)} ms (${figures.met} met, ${figures.attempted} attempted of ${figures.registerHouseholds}); counting the target rows of the large one: ${median(rawTimes).toFixed(2)} ms\n`,
);
printResult({
  bench: 'visits',
  dialect,
  ratio: round(largeMs / smallMs),
  target: 3,
  smallHouseholds: small,
  largeHouseholds: large,
  smallMs: round(smallMs),
  largeMs: round(largeMs),
  rawCountLargeMs: round(median(rawTimes)),
});
