/**
 * bench/coverage: care coverage of a community with 100,000 households against one with 1,000,
 * through the real service. Figures come from counters kept per region, so the larger region
 * should cost about the same: target ratio ≤ 3. Also prints what a plain count over the raw
 * tables costs for the large region, for comparison.
 *   npm run bench -- coverage [--rows 100000] [--dialect sqlite|postgres]
 */
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import type { CarePairingTable, HouseholdTable } from '../src/server/db/tables.js';
import { CareService } from '../src/server/modules/organizations/care.service.js';
import { RegionsService } from '../src/server/modules/regions/regions.service.js';
import { rebuildRegionStats } from '../src/server/modules/stats/region-stats.repository.js';
import { benchDatabase, benchOptions, median, printResult, round } from './support.js';

const { dialect, rows: large } = benchOptions(100_000);
const small = 1_000;
const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const district = new Scope(['230108'], dialect);
const regions = new RegionsService(ctx);

/** A grid in the community with enough buildings for `households` households (800 a building). */
async function populate(community: string, households: number): Promise<void> {
  const grid = await regions.createChild(
    district,
    community,
    { kind: 'grid', name: '压测网格' },
    SYSTEM_ACTOR,
  );
  const buildings: string[] = [];
  for (let i = 0; i < Math.ceil(households / 800); i++) {
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
  for (let start = 0; start < households; start += 1000) {
    const batch: Insertable<HouseholdTable>[] = [];
    for (let i = start; i < Math.min(households, start + 1000); i++) {
      batch.push({
        id: uuidv7(),
        district_code: '230108',
        region_code: buildings[Math.floor(i / 800)]!,
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
}

process.stdout.write(`building communities of ${small} and ${large} households on ${dialect}…\n`);
await populate('230108001002', small);
await populate('230108002001', large);

// One member looks after 60% of households (the pairing table needs a member row to point at).
const organizationId = uuidv7();
const now = new Date().toISOString();
await db
  .insertInto('organizations')
  .values({
    id: organizationId,
    district_code: '230108',
    region_code: '230108',
    parent_id: null,
    path: `/${organizationId}/`,
    kind: 'committee',
    name: '压测党委',
    leader_member_id: null,
    anchor_region_code: '230108',
    anchor_enterprise_id: null,
    status: 'active',
    created_at: now,
    updated_at: now,
  })
  .execute();
const personId = uuidv7();
await db
  .insertInto('persons')
  .values({
    id: personId,
    district_code: '230108',
    region_code: '230108',
    household_id: null,
    name: '压测党员',
    name_pinyin: '',
    name_initials: '',
    gender: 'male',
    birth_date: '1980-01-01',
    ethnicity: '',
    relation: '其他',
    id_number_enc: 'x',
    id_number_bidx: 'bench-member',
    phone_enc: null,
    phone_bidx: null,
    phone_last4_bidx: null,
    registered_address: '',
    current_address: '',
    note: '',
    status: 'non_resident',
    row_hash: 'x',
    created_at: now,
    updated_at: now,
  })
  .execute();
const memberId = uuidv7();
await db
  .insertInto('members')
  .values({
    id: memberId,
    district_code: '230108',
    region_code: '230108',
    person_id: personId,
    organization_id: organizationId,
    user_id: null,
    category: 'formal',
    status: 'in_service',
    joined_on: '2000-01-01',
    post: '',
    created_at: now,
    updated_at: now,
  })
  .execute();
const households = await db.selectFrom('households').select(['id', 'region_code']).execute();
const pairings: Insertable<CarePairingTable>[] = households
  .filter((_, i) => i % 5 < 3)
  .map((h) => ({
    household_id: h.id,
    member_id: memberId,
    district_code: '230108',
    region_code: h.region_code,
    source: 'assigned',
    created_at: now,
    updated_at: now,
  }));
for (let i = 0; i < pairings.length; i += 500)
  await db
    .insertInto('care_pairings')
    .values(pairings.slice(i, i + 500))
    .execute();
await rebuildRegionStats(db);
await sql`analyze`.execute(db);

const care = new CareService(ctx);
const timeCoverage = async (code: string) => {
  const started = performance.now();
  const figures = await care.coverage(district, code);
  return { ms: performance.now() - started, figures };
};
for (let i = 0; i < 5; i++) {
  await timeCoverage('230108001002');
  await timeCoverage('230108002001');
}
const smallTimes: number[] = [];
const largeTimes: number[] = [];
for (let i = 0; i < 40; i++) {
  smallTimes.push((await timeCoverage('230108001002')).ms);
  largeTimes.push((await timeCoverage('230108002001')).ms);
}
const { figures } = await timeCoverage('230108002001');
// The same figure by a plain aggregation over the raw tables, for comparison.
const rawTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  await db
    .selectFrom('households')
    .leftJoin('care_pairings', 'care_pairings.household_id', 'households.id')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>('care_pairings.household_id').as('cared'),
    ])
    .where(district.narrowedTo('230108002001').covers('households.region_code'))
    .executeTakeFirstOrThrow();
  rawTimes.push(performance.now() - started);
}
await handle.drop();

const smallMs = median(smallTimes);
const largeMs = median(largeTimes);
process.stdout.write(
  `coverage of ${small} households: ${smallMs.toFixed(2)} ms; of ${large}: ${largeMs.toFixed(2)} ms (${figures.caredHouseholds}/${figures.households} cared); plain aggregation of the large one: ${median(rawTimes).toFixed(2)} ms\n`,
);
printResult({
  bench: 'coverage',
  dialect,
  ratio: round(largeMs / smallMs),
  target: 3,
  smallHouseholds: small,
  largeHouseholds: large,
  smallMs: round(smallMs),
  largeMs: round(largeMs),
  rawAggregationLargeMs: round(median(rawTimes)),
});
