/**
 * bench/search: a scoped person list at 1,000,000 persons — page 1 against page 1,000 (50 a page),
 * both through the real service (scope filter, keyset cursor, masking). Keyset paging should make
 * page 1,000 cost what page 1 costs: target ratio ≤ 2.
 *   npm run bench -- search [--rows 1000000] [--dialect sqlite|postgres]
 */
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Scope } from '../src/server/auth/scope.js';
import { SYSTEM_ACTOR } from '../src/server/bootstrap.js';
import type { HouseholdTable, PersonTable } from '../src/server/db/tables.js';
import { chineseName, idNumber, mobilePhone, seededRandom } from '../src/server/fixtures/resident-rows.js';
import { RegionsService } from '../src/server/modules/regions/regions.service.js';
import { namePinyin, protectPhone, rowHash } from '../src/server/modules/register/person-fields.js';
import { PersonsService } from '../src/server/modules/register/persons.service.js';
import { benchDatabase, benchOptions, median, printResult, round } from './support.js';

const { dialect, rows } = benchOptions(1_000_000);
const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const district = new Scope(['230108'], dialect);

// Ten grids in four communities of two streets; the measured scope is one street (兴建街道).
const communities = ['230108001002', '230108001003', '230108002001', '230108002002'];
const regions = new RegionsService(ctx);
const grids: string[] = [];
for (const [i, community] of communities.entries()) {
  const perCommunity = i < 2 ? 3 : 2;
  for (let g = 0; g < perCommunity; g++) {
    grids.push(
      (await regions.createChild(district, community, { kind: 'grid', name: `网格${g + 1}` }, SYSTEM_ACTOR))
        .code,
    );
  }
}

process.stdout.write(`inserting ${rows} persons on ${dialect}…\n`);
const random = seededRandom(7);
const now = new Date().toISOString();
const BATCH = 500;
let inserted = 0;
while (inserted < rows) {
  const size = Math.min(BATCH, rows - inserted);
  const households: Insertable<HouseholdTable>[] = [];
  const persons: Insertable<PersonTable>[] = [];
  for (let i = 0; i < size; i += 3) {
    const grid = grids[(inserted + i) % grids.length]!;
    const householdId = uuidv7();
    households.push({
      id: householdId,
      district_code: '230108',
      region_code: grid,
      grid_code: grid,
      unit: '',
      floor: null,
      room: '',
      address: `地址${inserted + i}`,
      overview: '',
      head_person_id: null,
      created_at: now,
      updated_at: now,
    });
    for (let m = 0; m < 3 && i + m < size; m++) {
      const name = chineseName(random);
      const pinyin = namePinyin(name);
      const id = idNumber(random, { serial: (inserted + i + m) % 1000 });
      const phone = mobilePhone(random);
      persons.push({
        id: uuidv7(),
        district_code: '230108',
        region_code: grid,
        household_id: householdId,
        name,
        name_pinyin: pinyin.full,
        name_initials: pinyin.initials,
        gender: Number(id[16]) % 2 === 1 ? ('male' as const) : ('female' as const),
        birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        ethnicity: '汉族',
        relation: m === 0 ? '户主' : '子',
        id_number_enc: ctx.crypto.encrypt('person.id_number', id),
        // Unique per row without the cost of an HMAC: the list under test never reads it.
        id_number_bidx: `bench${(inserted + i + m).toString(16).padStart(27, '0')}`,
        ...protectPhone(ctx.crypto, phone),
        registered_address: '',
        current_address: '',
        note: '',
        status: 'active' as const,
        row_hash: rowHash([id]),
        created_at: now,
        updated_at: now,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('households').values(households).execute();
    for (let i = 0; i < persons.length; i += 250)
      await trx
        .insertInto('persons')
        .values(persons.slice(i, i + 250))
        .execute();
  });
  inserted += size;
  if (inserted % 100_000 < BATCH) process.stdout.write(`  ${inserted}\n`);
}
await sql`analyze`.execute(db);

const service = new PersonsService(ctx);
const street = new Scope(['230108001'], dialect);
const PAGE = 50;
// Page 1,000 when the scope holds that many (it does at the default size); the last full page otherwise.
const inScope = Number(
  (
    await db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(street.covers('persons.region_code'))
      .executeTakeFirstOrThrow()
  ).n,
);
const pageNumber = Math.min(1000, Math.floor(inScope / PAGE) - 1);
const thousandth = await db
  .selectFrom('persons')
  .select(['region_code', 'id'])
  .where(street.covers('persons.region_code'))
  .where('status', '=', 'active')
  .orderBy('region_code')
  .orderBy('id')
  .limit(1)
  .offset(PAGE * (pageNumber - 1) - 1)
  .executeTakeFirstOrThrow();
const cursor = Buffer.from(JSON.stringify([thousandth.region_code, thousandth.id])).toString('base64url');

const timeOnce = async (query: Parameters<PersonsService['list']>[1]) => {
  const started = performance.now();
  const page = await service.list(street, query);
  const elapsed = performance.now() - started;
  if (page.items.length !== PAGE) throw new Error(`expected a full page, got ${page.items.length}`);
  return elapsed;
};
// Warm up both, then alternate so drift in the machine's load hits both sides alike.
for (let i = 0; i < 5; i++) {
  await timeOnce({ limit: PAGE });
  await timeOnce({ limit: PAGE, cursor });
}
const first: number[] = [];
const thousand: number[] = [];
for (let i = 0; i < 40; i++) {
  first.push(await timeOnce({ limit: PAGE }));
  thousand.push(await timeOnce({ limit: PAGE, cursor }));
}
const pinyin: number[] = [];
for (let i = 0; i < 10; i++) {
  const started = performance.now();
  await service.list(street, { limit: PAGE, q: 'wj' });
  pinyin.push(performance.now() - started);
}
await handle.drop();

const page1 = median(first);
const page1000 = median(thousand);
process.stdout.write(
  `page 1: ${page1.toFixed(2)} ms, page ${pageNumber}: ${page1000.toFixed(2)} ms (medians of 40), initials search: ${median(pinyin).toFixed(2)} ms\n`,
);
printResult({
  bench: 'search',
  dialect,
  persons: rows,
  personsInScope: inScope,
  farPage: pageNumber,
  ratio: round(page1000 / page1),
  target: 2,
  page1Ms: round(page1),
  page1000Ms: round(page1000),
  initialsSearchMs: round(median(pinyin)),
});
