/**
 * bench/city-lists: the first page of every list users open often, on a demo database that is
 * already built (`lianxin demo --scale city`, issue 19's target: every first page under 50 ms at
 * that size), as a district's admin, through the real services with the real scope; and, as the
 * baseline measured in the same run, the same list in the scope of one community of that district.
 * A first page should not cost what the district holds: the ratio shows what grows with the scope.
 * Read-only: it writes nothing into the database it is given.
 *   DATABASE_URL=postgres://…/lianxin_city npm run bench -- city-lists [--districts 230108,230102] [--runs 9]
 * LIANXIN_DATA_DIR (or LIANXIN_DATA_KEY) must give the key the demo was built with: lists decrypt.
 */
import { parseArgs } from 'node:util';
import { CompiledQuery } from 'kysely';
import { type Principal, principalOf } from '../src/server/auth/principal.js';
import { loadConfig } from '../src/server/config.js';
import { type Database, openDatabase } from '../src/server/db/database.js';
import type { RoleAssignment } from '../src/server/db/tables.js';
import { DeedsService } from '../src/server/modules/deeds/deeds.service.js';
import { MembersService } from '../src/server/modules/organizations/members.service.js';
import { OrganizationsService } from '../src/server/modules/organizations/organizations.service.js';
import { PairingsService } from '../src/server/modules/pairings/pairings.service.js';
import { PersonsService } from '../src/server/modules/register/persons.service.js';
import { VisitsService } from '../src/server/modules/visits/visits.service.js';
import { toVolunteerDto } from '../src/server/modules/volunteering/volunteering.schema.js';
import { VolunteersService } from '../src/server/modules/volunteering/volunteers.service.js';
import { WorkOrdersService } from '../src/server/modules/work-orders/work-orders.service.js';
import { WorkLogsService } from '../src/server/modules/worklogs/worklogs.service.js';
import { createServiceContext } from '../src/server/services.js';
import { median, printResult, round } from './support.js';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '230108,230102' },
    runs: { type: 'string', default: '9' },
    explain: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) {
  process.stderr.write('city-lists: set DATABASE_URL to a PostgreSQL database built by `lianxin demo`\n');
  process.exit(2);
}
const districts = (values.districts ?? '').split(',').filter(Boolean);
const runs = Math.max(3, Number(values.runs));
const TARGET_MS = 50;

const config = loadConfig({ ...process.env, LIANXIN_SCHEDULER: '0' });
const opened = openDatabase({ dataDir: config.dataDir, databaseUrl: url, poolSize: 2 });
// With --explain, every statement is also seen (see explainStatements); the same pool either way.
let seen: { sql: string; parameters: readonly unknown[] }[] = [];
const database: Database = values.explain
  ? {
      ...opened,
      db: opened.db.withPlugin({
        transformQuery: (args) => {
          const compiled = opened.db.getExecutor().compileQuery(args.node, args.queryId);
          seen.push({ sql: compiled.sql, parameters: compiled.parameters });
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    }
  : opened;
const ctx = createServiceContext(config, database, () => new Date());
const db = database.db;

/** The demo's district admin (the account `lianxin demo` creates, role on the district). */
const admin = await db
  .selectFrom('users')
  .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
  .selectAll('users')
  .where('role_assignments.role', '=', 'district_admin')
  .where('role_assignments.region_code', '=', '230108')
  .orderBy('users.username')
  .executeTakeFirst();
const residents = await db
  .selectFrom('persons')
  .select('region_code')
  .where('district_code', '=', districts[0] ?? '230108')
  .limit(1)
  .executeTakeFirst();
if (!admin || !residents) {
  process.stderr.write('city-lists: this database holds no demo district (run `lianxin demo` on it first)\n');
  await database.close();
  process.exit(2);
}
const adminAssignments = await db
  .selectFrom('role_assignments')
  .selectAll()
  .where('user_id', '=', admin.id)
  .execute();

/**
 * The admin's own assignments moved to another region: the same roles, so the same permissions,
 * over another district (the demo creates accounts in 230108 only) or one community.
 */
function principalAt(region: string): Principal {
  const assignments: RoleAssignment[] = adminAssignments.map((a) => ({
    ...a,
    region_code: region,
    district_code: region.slice(0, 6),
  }));
  return principalOf({
    user: admin!,
    sessionId: 'bench',
    assignments,
    actor: { id: admin!.id, name: admin!.display_name, ip: null, requestId: null },
    dialect: 'postgres',
    routePermission: null,
  });
}

/** The community of a district holding the most residents: the baseline's narrow scope. */
async function busiestCommunity(district: string): Promise<string> {
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('district_code', '=', district)
    .where('kind', 'in', ['community', 'village'])
    .orderBy('code')
    .execute();
  if (rows.length === 0) throw new Error(`district ${district} has no communities`);
  let best = { code: rows[0]!.code, persons: -1 };
  // A sample of communities is enough to find a populated one; counting all of them would take long.
  for (const row of rows.slice(0, 8)) {
    const found = await db
      .selectFrom('persons')
      .select('id')
      .where('region_code', 'like', `${row.code}%`)
      .limit(2000)
      .execute();
    if (found.length > best.persons) best = { code: row.code, persons: found.length };
  }
  return best.code;
}

const persons = new PersonsService(ctx);
const workOrders = new WorkOrdersService(ctx);
const organizations = new OrganizationsService(ctx);
const members = new MembersService(ctx);
const volunteers = new VolunteersService(ctx);
const visits = new VisitsService(ctx);
const pairings = new PairingsService(ctx);
const deeds = new DeedsService(ctx);
const workLogs = new WorkLogsService(ctx);

type List = { name: string; run: (principal: Principal) => Promise<number> };
/** Each list as its page asks for it (src/web/api): the route's service call and its row mapping. */
const lists: List[] = [
  {
    name: 'residents (persons)',
    run: async (p) => (await persons.list(p.scopeFor('person.read'), { limit: 50 })).items.length,
  },
  ...(['all', 'mine', 'overdue', 'to_callback', 'supervision'] as const).map((view) => ({
    name: `work orders ${view}`,
    run: async (p: Principal) => (await workOrders.list(p, { view, limit: 51 })).length,
  })),
  {
    name: 'organizations (root)',
    run: async (p) =>
      (await organizations.list(p.scopeFor('org.read'), { parentId: null, limit: 50 })).length,
  },
  {
    name: 'members (picker, q=z)',
    run: async (p) => (await members.search(p.scopeFor('org.read'), 'z', 20)).length,
  },
  {
    name: 'volunteers',
    run: async (p) =>
      (await volunteers.list(p.scopeFor('volunteer.read'), { limit: 201 })).map((v) =>
        toVolunteerDto(ctx.crypto, v),
      ).length,
  },
  {
    name: 'visits',
    run: async (p) => (await visits.list(p.scopeFor('visit.read'), { limit: 50 })).items.length,
  },
  {
    name: 'pairings',
    run: async (p) => (await pairings.list(p.scopeFor('pairing.read'), { limit: 51 })).length,
  },
  {
    name: 'deeds',
    run: async (p) => (await deeds.list(p.scopeFor('workorder.read'), { limit: 50 })).length,
  },
  {
    name: 'work logs',
    run: async (p) => (await workLogs.list(p.scopeFor('worklog.read'), { limit: 51 })).length,
  },
];

async function time(list: List, principal: Principal): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const rows = await list.run(principal);
  return { ms: performance.now() - started, rows };
}

/** EXPLAIN ANALYZE of each statement one call of the list makes (read-only: selects only). */
async function explainStatements(list: List, principal: Principal): Promise<void> {
  seen = [];
  await list.run(principal);
  const statements = seen;
  seen = [];
  for (const statement of statements) {
    if (!/^\s*select/i.test(statement.sql)) continue;
    const plan = await opened.db
      .executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain (analyze, buffers) ${statement.sql}`, [...statement.parameters]),
      )
      .catch(() => undefined);
    process.stdout.write(
      `\n  -- ${statement.sql.slice(0, 400)}\n  -- ${JSON.stringify(statement.parameters).slice(0, 300)}\n`,
    );
    for (const row of plan?.rows ?? []) process.stdout.write(`     ${Object.values(row)[0]}\n`);
  }
}

interface Row {
  district: string;
  list: string;
  ms: number;
  baselineMs: number;
  ratio: number;
  rows: number;
}
const results: Row[] = [];
for (const district of districts) {
  const community = await busiestCommunity(district);
  const wide = principalAt(district);
  const narrow = principalAt(community);
  process.stdout.write(`\n${district} (baseline: community ${community}), medians of ${runs}\n`);
  process.stdout.write(
    `${'list'.padEnd(28)} ${'district'.padStart(10)} ${'community'.padStart(10)}  ratio  rows\n`,
  );
  for (const list of lists) {
    // Warm once each, then alternate so the machine's drift hits both sides alike.
    await time(list, wide);
    await time(list, narrow);
    const district: number[] = [];
    const baseline: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const w = await time(list, wide);
      district.push(w.ms);
      rows = w.rows;
      baseline.push((await time(list, narrow)).ms);
    }
    const row = {
      district: wide.scopeFor('person.read').roots.join(','),
      list: list.name,
      ms: round(median(district)),
      baselineMs: round(median(baseline)),
      ratio: round(median(district) / Math.max(median(baseline), 0.01)),
      rows,
    };
    results.push(row);
    if (values.explain && row.ms >= TARGET_MS / 2) await explainStatements(list, wide);
    const flag = row.ms >= TARGET_MS ? '  ← over 50 ms' : '';
    process.stdout.write(
      `${list.name.padEnd(28)} ${row.ms.toFixed(1).padStart(10)} ${row.baselineMs.toFixed(1).padStart(10)} ${row.ratio.toFixed(2).padStart(6)} ${String(rows).padStart(5)}${flag}\n`,
    );
  }
}
await database.close();

const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
printResult({
  bench: 'city-lists',
  dialect: 'postgres',
  districts,
  runs,
  ratio: worst.ratio,
  target: TARGET_MS,
  worstList: worst.list,
  worstDistrict: worst.district,
  worstMs: worst.ms,
  worstBaselineMs: worst.baselineMs,
  overTarget: results.filter((r) => r.ms >= TARGET_MS).map((r) => `${r.district} ${r.list}`),
});
