import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { sealAuditChains, verifyAuditChain } from '../../modules/audit/index.js';
import { foldRollupDeltas, rollupsRepository } from '../../modules/cockpit/index.js';
import { deliverDueNotifications, type NotificationProvider } from '../../modules/notifications/index.js';
import { createServiceContext, type ServiceContext } from '../../services.js';
import { citusAdminUrl } from '../../testing/citus-database.js';
import { DISTRICT, TestEnv } from '../../testing/test-env.js';
import { type Database, openDatabase } from '../database.js';
import { NANGANG, signInCityAdmin } from './city-testing.js';

const DISTRICTS = [DISTRICT, NANGANG];
/** Orders taken per district: each queues a text message, writes deltas and audit rows. */
const ORDERS: Record<string, number> = { [DISTRICT]: 5, [NANGANG]: 3 };

/** The tables the background jobs claim from, each distributed by district_code. */
const CLAIMED = ['notifications', 'region_rollup_deltas', 'region_rollups', 'audit_log', 'audit_chain_heads'];

/**
 * The background jobs on a Citus cluster (issue 19): the outbox, the cockpit's delta folder and
 * the audit sealer, each run by two processes at once over two districts. On Citus a locking read
 * (`FOR UPDATE [SKIP LOCKED]`) must name one district, so each job claims district by district.
 * Runs only with LIANXIN_CITUS_URL set (scripts/citus-test.mjs sets it), like citus-cluster.test.ts.
 */
const run = citusAdminUrl() ? describe : describe.skip;

run('Citus: the background jobs claim district by district', () => {
  const env = new TestEnv('postgres');
  const raw = () => env.database.db as unknown as Kysely<unknown>;
  /** A second server process: its own pool on the same coordinator, its own services. */
  let other: Database;
  let otherCtx: ServiceContext;

  beforeAll(async () => {
    await env.setUp();
    const cookie = await signInCityAdmin(env, 'Harbin-Claims-2026');
    for (const district of DISTRICTS) {
      const community = await env.database.db
        .selectFrom('regions')
        .select('code')
        .where('district_code', '=', district)
        .where('kind', '=', 'community')
        .orderBy('code')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < ORDERS[district]!; i++) {
        const response = await env.inject('POST', '/api/work-orders', {
          cookie,
          body: {
            categoryCode: 'livelihood.elderly_care',
            description: '独居老人家中暖气不热，需要上门查看',
            channel: 'hotline',
            regionCode: community.code,
            contactName: '王大爷',
            contactPhone: `1384567${String(1000 + i)}`,
          },
        });
        expect(response.status, JSON.stringify(response.json)).toBe(201);
        expect(response.body(workOrderSchema).number.startsWith(district)).toBe(true);
      }
    }
    other = openDatabase({ dataDir: env.handle.dataDir, databaseUrl: env.handle.databaseUrl, poolSize: 5 });
    otherCtx = createServiceContext(env.config, other, env.now);
  });
  afterAll(async () => {
    await other?.close();
    await env.tearDown();
  });

  it('claims from distributed tables, where a locking read over every district is refused', async () => {
    const types = await sql<{ name: string; type: string }>`
      select table_name::text as name, citus_table_type as type from citus_tables
      where table_name::text in (${sql.join(CLAIMED)}) order by 1`.execute(raw());
    expect(types.rows).toEqual(CLAIMED.toSorted().map((name) => ({ name, type: 'distributed' })));
    // The claim as it was before (due messages of every district at once): Citus refuses it.
    await expect(
      env.database.db.transaction().execute((trx) =>
        sql`select id from notifications where status = 'pending'
            order by next_attempt_at limit 50 for update skip locked`.execute(trx),
      ),
    ).rejects.toThrow(/FOR UPDATE/);
    // Each district's rows are where the jobs find them, in the district's shard.
    const perDistrict = await sql<{ district: string; n: number }>`
      select district_code as district, count(*)::int as n from notifications
      where status = 'pending' group by 1 order by 1`.execute(raw());
    expect(perDistrict.rows).toEqual([
      { district: NANGANG, n: ORDERS[NANGANG] },
      { district: DISTRICT, n: ORDERS[DISTRICT] },
    ]);
  });

  it('sends each due message of both districts exactly once, two processes at once', async () => {
    const sent: { id: string; phone: string }[] = [];
    const provider: NotificationProvider = {
      name: 'recorder',
      send: async (message) => {
        sent.push({ id: message.id, phone: message.phone });
      },
    };
    // A batch of 2 per district per pass: several passes, the two processes racing on each.
    const drain = async (ctx: ServiceContext) => {
      while ((await deliverDueNotifications(ctx, provider, 2)).sent > 0);
    };
    await Promise.all([drain(env.ctx), drain(otherCtx)]);
    // A process that found every due row locked by the other stops early; one more pass finishes.
    await drain(env.ctx);
    const rows = await env.database.db
      .selectFrom('notifications')
      .select(['id', 'district_code', 'status', 'attempts'])
      .where('channel', '=', 'sms')
      .execute();
    expect(rows).toHaveLength(ORDERS[DISTRICT]! + ORDERS[NANGANG]!);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    expect(sent.map((m) => m.id).sort()).toEqual(rows.map((row) => row.id).sort());
    for (const district of DISTRICTS)
      expect(rows.filter((row) => row.district_code === district)).toHaveLength(ORDERS[district]!);
  });

  it('folds each district’s deltas once, two processes at once', async () => {
    const before = Object.fromEntries(
      await Promise.all(
        DISTRICTS.map(async (d) => [d, await rollupsRepository.allOf(env.database.db, d)] as const),
      ),
    );
    for (const district of DISTRICTS)
      expect(
        before[district]!.find((r) => r.region_code === district && r.counter === 'wo.received')?.value,
      ).toBe(ORDERS[district]);
    const folded = await Promise.all([foldRollupDeltas(env.ctx), foldRollupDeltas(otherCtx)]);
    expect(folded[0]! + folded[1]!).toBeGreaterThan(0);
    await foldRollupDeltas(env.ctx);
    const left = await sql<{ n: number }>`select count(*)::int as n from region_rollup_deltas`.execute(raw());
    expect(left.rows[0]?.n).toBe(0);
    // Folded into region_rollups, each delta once: the figures are what they were with the deltas.
    for (const district of DISTRICTS)
      expect(await rollupsRepository.allOf(env.database.db, district)).toEqual(before[district]);
  });

  it('seals each district’s audit chain, two processes at once', async () => {
    await Promise.all([sealAuditChains(env.ctx), sealAuditChains(otherCtx, { wait: true })]);
    await sealAuditChains(env.ctx, { wait: true });
    expect(await verifyAuditChain(env.database.db)).toMatchObject({ ok: true, unsealed: 0 });
    const heads = await env.database.db
      .selectFrom('audit_chain_heads')
      .select(['district_code', 'link'])
      .orderBy('district_code')
      .execute();
    const counts = await sql<{ district: string; n: number }>`
      select district_code as district, count(*)::int as n from audit_log
      where link is not null group by 1 order by 1`.execute(raw());
    // Each head is at its chain's last link: every row of the district linked, once.
    expect(heads.map((h) => ({ district: h.district_code, n: Number(h.link) }))).toEqual(counts.rows);
    expect(heads.map((h) => h.district_code)).toEqual(expect.arrayContaining(DISTRICTS));
  });
});
