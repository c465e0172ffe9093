import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { coverageSchema, memberPageSchema } from '../../shared/api/organizations.js';
import { requestPageSchema } from '../../shared/api/portal.js';
import { personPageSchema } from '../../shared/api/register.js';
import { articleReportSchema } from '../../shared/api/report.js';
import { accountListSchema } from '../../shared/api/timebank.js';
import { workOrderPageSchema, workOrderSchema } from '../../shared/api/work-orders.js';
import { ARTICLE_POPULATION, articleFigure } from '../../shared/article-figures.js';
import { WORK_ORDER_STATUSES } from '../../shared/work-orders.js';
import { residentLogin } from '../modules/portal/testing.js';
import { ledgerCheck } from '../modules/timebank/testing.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../testing/test-env.js';
import { buildDemo, type DemoReport } from './demo-district.js';

const bin = path.resolve(import.meta.dirname, '../../../bin/lianxin.mjs');

describeEachDialect('the small demo district', (env) => {
  let report: DemoReport;
  let admin: string;
  beforeAll(async () => {
    report = await buildDemo(env.ctx, { scale: 'small', seed: 7 });
    admin = await env.loginAdmin();
  }, 180_000);

  const count = async (table: 'persons' | 'work_orders' | 'members', where?: [string, string]) => {
    let query = env.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) query = query.where(where[0] as 'id', '=', where[1]);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  it('refuses to write demo data into a database that holds real data', async () => {
    await expect(buildDemo(env.ctx, { scale: 'small', seed: 7 })).rejects.toMatchObject({
      code: 'demo.not_empty',
    });
    // Nothing was added by the refused build.
    expect(await count('persons')).toBe(report.persons);
  });

  it('holds about 5,000 residents in plausible households, about 3% of the adults members', async () => {
    expect(report.persons).toBeGreaterThan(4500);
    expect(report.persons).toBeLessThan(5600);
    expect(report.households / report.persons).toBeGreaterThan(0.3);
    expect(report.households / report.persons).toBeLessThan(0.5);
    const adults = Number(
      (
        await env.database.db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('birth_date', '<=', `${new Date().getUTCFullYear() - 20}-01-01`)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(report.members / adults).toBeGreaterThan(0.025);
    expect(report.members / adults).toBeLessThan(0.045);
    // Every community and village of the real tree has its committee.
    const committees = await env.database.db
      .selectFrom('organizations')
      .innerJoin('regions', 'regions.code', 'organizations.anchor_region_code')
      .select('organizations.id')
      .where('organizations.kind', '=', 'committee')
      .where('regions.kind', 'in', ['community', 'village'])
      .execute();
    expect(committees).toHaveLength(55);
  });

  it('holds the article’s figures scaled down to its population, and 36 hotlines', async () => {
    const response = await env.inject('GET', '/api/report/article', { cookie: admin });
    expect(response.status).toBe(200);
    const article = response.body(articleReportSchema);
    const rows = article.rows;
    const platform = (indicator: string) => rows.find((r) => r.indicator === indicator)!.platform!;
    const persons = article.population.persons;
    expect(persons).toBe(report.persons);
    for (const indicator of ['warm_groups', 'registered_members', 'health_records', 'deeds'] as const) {
      const perPerson = articleFigure(indicator).article / ARTICLE_POPULATION;
      expect(Math.abs(platform(indicator) / persons - perPerson) / perPerson, indicator).toBeLessThan(0.1);
    }
    // Small figures round: 326 corridor branches for 200,000 residents are 8 for 5,000.
    expect(platform('corridor_branches')).toBeGreaterThanOrEqual(7);
    expect(platform('corridor_branches')).toBeLessThanOrEqual(10);
    expect(platform('hotlines')).toBe(36);
    expect(platform('villages')).toBe(11);
    expect(platform('satisfaction_rank')).toBe(1);
    // The difference is taken from the scaled figure where there is one: small, not −97.5%.
    const scaledRows = rows.filter((row) => row.scaled !== null);
    expect(scaledRows.length).toBeGreaterThan(3);
    for (const row of scaledRows) {
      const scaled = row.scaled ?? 0;
      // A scaled figure is only given next to a count of the platform's own.
      expect(row.platform, row.indicator).not.toBeNull();
      // The task forces' 18 organizations and 10 teams are under one at 5,000 residents: no
      // difference can be taken from nothing, and the report gives none.
      if (scaled === 0) {
        expect(row.difference, row.indicator).toBeNull();
        continue;
      }
      const counted = row.platform ?? 0;
      expect(row.difference, row.indicator).toBe(Math.round(((counted - scaled) / scaled) * 1000) / 10);
      // Within 10%, or one apart where the scaled figure is small (2 volunteer teams for 3).
      expect(Math.abs(counted - scaled), row.indicator).toBeLessThanOrEqual(Math.max(1, scaled * 0.1));
    }
  });

  it('has three years of work orders in every status, mostly on time and mostly satisfied', async () => {
    const { db } = env.database;
    const orders = await db
      .selectFrom('work_orders')
      .select([
        'id',
        'status',
        'closed_on_time',
        'satisfaction',
        'reopen_count',
        'overdue',
        'created_at',
        'channel',
      ])
      .execute();
    expect(orders.length).toBe(report.workOrders);
    for (const status of WORK_ORDER_STATUSES)
      expect(
        orders.some((o) => o.status === status),
        status,
      ).toBe(true);
    const closed = orders.filter((o) => o.closed_on_time !== null);
    const onTime = closed.filter((o) => o.closed_on_time === 1).length / closed.length;
    expect(onTime).toBeGreaterThan(0.8);
    expect(onTime).toBeLessThan(1);
    const rated = orders.filter((o) => o.satisfaction !== null);
    expect(rated.filter((o) => o.satisfaction === 'satisfied').length / rated.length).toBeGreaterThan(0.8);
    expect(orders.some((o) => o.reopen_count > 0)).toBe(true);
    expect(orders.some((o) => o.overdue === 1)).toBe(true);
    // Intake counts on from the demo's numbers: each district's day counter stands at its highest.
    const highest = new Map<string, number>();
    for (const { number } of await db.selectFrom('work_orders').select('number').execute()) {
      const districtDay = number.slice(0, 15);
      highest.set(districtDay, Math.max(highest.get(districtDay) ?? 0, Number(number.slice(16))));
    }
    const counters = await db.selectFrom('work_order_numbers').selectAll().execute();
    expect(new Map(counters.map((c) => [`${c.district_code}-${c.day}`, Number(c.last_number)]))).toEqual(
      highest,
    );
    const oldest = orders.map((o) => o.created_at).sort()[0]!;
    expect(Date.now() - Date.parse(oldest)).toBeGreaterThan(2.9 * 365 * 86_400_000);
    expect(orders.filter((o) => o.channel === 'hotline').length / orders.length).toBeGreaterThan(0.4);

    // Each order's timeline starts with its receipt and ends in the status the order is in.
    const events = await db
      .selectFrom('work_order_events')
      .select(['work_order_id', 'action', 'to_status', 'at', 'id'])
      .orderBy('at')
      .orderBy('id')
      .execute();
    const timeline = new Map<string, { action: string; to: string }[]>();
    for (const e of events) {
      const list = timeline.get(e.work_order_id) ?? [];
      list.push({ action: e.action, to: e.to_status });
      timeline.set(e.work_order_id, list);
    }
    for (const order of orders) {
      const steps = timeline.get(order.id)!;
      expect(steps[0]!.action).toBe('receive');
      expect(steps.at(-1)!.to, order.id).toBe(order.status);
    }
  });

  it('draws the cockpit’s map outlines and counts its figures from the generated rows', async () => {
    const outlines = await env.database.db
      .selectFrom('region_boundaries')
      .select('region_code')
      .where('district_code', '=', '230108')
      .execute();
    // The district, its streets and communities, and the demo's grids and buildings.
    expect(outlines.length).toBeGreaterThan(67);
    const received = await env.database.db
      .selectFrom('region_rollups')
      .select((eb) => eb.fn.sum<number>('value').as('n'))
      .where('region_code', '=', '230108')
      .where('counter', '=', 'wo.received')
      .executeTakeFirstOrThrow();
    expect(Number(received.n)).toBe(report.workOrders);
  });

  it('leaves generated orders that the services act on like any other', async () => {
    const toReview = await env.inject('GET', '/api/work-orders?view=to_review&limit=5', { cookie: admin });
    expect(toReview.status).toBe(200);
    const order = toReview.body(workOrderPageSchema).items[0];
    expect(order).toBeDefined();
    const reviewed = await env.inject('POST', `/api/work-orders/${order!.id}/actions`, {
      cookie: admin,
      body: { action: 'review', approve: true, version: order!.version },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body(workOrderSchema).status).toBe('closed');
  });

  it('has time-bank accounts with balances above their floors, balanced to the minute', async () => {
    const list = await env.inject('GET', '/api/timebank/accounts?limit=200', { cookie: admin });
    expect(list.status).toBe(200);
    const accounts = list.body(accountListSchema).items;
    const people = accounts.filter((a) => a.ownerKind === 'person');
    expect(people.length).toBeGreaterThan(50);
    for (const account of accounts)
      expect(account.balanceMinutes).toBeGreaterThanOrEqual(account.floorMinutes);
    expect(people.every((a) => a.balanceMinutes > 60)).toBe(true);
    expect(await ledgerCheck(env)).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  });

  it('gives every role an account that works where such a person works', async () => {
    const coverage = (await env.inject('GET', '/api/coverage/230108', { cookie: admin })).body(
      coverageSchema,
    );
    expect(coverage.households).toBe(report.households);
    expect(coverage.carePercent).toBeGreaterThan(60);
    expect(coverage.carePercent).toBeLessThan(100);

    expect(report.accounts.map((a) => a.role).sort()).toEqual(
      [
        'auditor',
        'bank_officer',
        'district_admin',
        'guarantee_officer',
        'grid_worker',
        'hotline_operator',
        'member',
        'resident',
        'secretary',
        'secretary',
      ].sort(),
    );
    const secretary = report.accounts.find((a) => a.username === 'community_secretary')!;
    const cookie = await env.login(secretary.username, secretary.password);
    expect((await env.inject('GET', `/api/regions/${QINGNIAN}`, { cookie })).status).toBe(200);
    expect((await env.inject('GET', `/api/regions/${SHANGHAI_XINCUN}`, { cookie })).status).toBe(404);
    const residents = (await env.inject('GET', '/api/persons?limit=200', { cookie })).body(
      personPageSchema,
    ).items;
    expect(residents.length).toBeGreaterThan(20);
    for (const person of residents) expect(person.regionCode.startsWith(QINGNIAN)).toBe(true);
    // The district's figures are for those who see the whole district.
    expect((await env.inject('GET', '/api/report/article', { cookie })).status).toBe(404);

    const member = report.accounts.find((a) => a.username === 'member')!;
    const own = await env.inject('GET', '/api/me/member', {
      cookie: await env.login(member.username, member.password),
    });
    expect(own.status).toBe(200);
    expect(own.body(memberPageSchema).regionCode.startsWith(QINGNIAN)).toBe(true);

    // The resident signs in to the portal with the phone number and a texted code, and sees their requests.
    const resident = report.accounts.find((a) => a.role === 'resident')!;
    expect(resident.password).toMatch(/^phone:1\d{10}$/);
    const portal = await residentLogin(env, resident.password.slice('phone:'.length));
    const requests = await env.inject('GET', '/api/portal/requests', { cookie: portal });
    expect(requests.status).toBe(200);
    expect(requests.body(requestPageSchema).items.length).toBeGreaterThanOrEqual(3);
  });

  it('prints the article report as JSON rows of indicator, article and platform', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'report', 'article', '--format', 'json'],
      { env: env.cliEnv() },
    );
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(typeof row.indicator).toBe('string');
      expect(typeof row.article).toBe('number');
      expect(row.platform === null || typeof row.platform === 'number').toBe(true);
    }
    expect(rows.find((r) => r.indicator === 'hotlines')).toMatchObject({ article: 36, platform: 36 });
  });
});
