import { beforeAll, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api/common.js';
import { workOrderSchema } from '../../shared/api/work-orders.js';
import { sweepOverdue, WorkOrdersService } from '../modules/work-orders/index.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../modules/work-orders/testing.js';
import { describeEachDialect, type TestEnv } from '../testing/test-env.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

/**
 * A strict reader of the text exposition format 0.0.4: every line is a HELP or TYPE comment or a
 * sample `name{label="value",…} number`; each sample's family was declared with a TYPE first.
 */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
    if (comment) {
      expect(comment[2]).toMatch(NAME);
      if (comment[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(comment[3]);
        expect(types.has(comment[2]!), `TYPE of ${comment[2]} twice`).toBe(false);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    const [, name, labelText, valueText] = sample!;
    const labels: Record<string, string> = {};
    if (labelText) {
      LABEL.lastIndex = 0;
      while (LABEL.lastIndex < labelText.length) {
        const match = LABEL.exec(labelText);
        expect(match, `bad labels: ${labelText}`).not.toBeNull();
        labels[match![1]!] = match![2]!;
      }
    }
    const value = valueText === '+Inf' ? Number.POSITIVE_INFINITY : Number(valueText);
    expect(Number.isNaN(value) && valueText !== 'NaN', `bad value: ${line}`).toBe(false);
    const family = name!.replace(/_(bucket|sum|count)$/, '');
    expect(types.has(name!) || types.get(family) === 'histogram', `no TYPE for ${name}`).toBe(true);
    samples.push({ name: name!, labels, value });
  }
  return { samples, types };
}

const scrape = async (env: TestEnv, headers: Record<string, string> = {}, remoteAddress?: string) =>
  env.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });

async function samplesOf(env: TestEnv, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await scrape(env, headers);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(response.body).samples;
}

const sampleSum = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What an unknown path answers: /metrics must look the same to those who may not read it. */
async function notFoundLike(env: TestEnv, response: Awaited<ReturnType<typeof scrape>>) {
  const unknown = await env.app.inject({ method: 'GET', url: '/no-such-page' });
  expect(response.statusCode).toBe(404);
  expect(errorBodySchema.parse(response.json()).code).toBe(errorBodySchema.parse(unknown.json()).code);
  expect(response.body).not.toContain('lianxin_');
}

describeEachDialect(
  '/metrics without a token: loopback only, route patterns, backlogs',
  (env) => {
    let world: WorkOrderWorld;
    beforeAll(async () => {
      world = await workOrderWorld(env);
    });

    it('writes the Prometheus text format with every family the alerts use', async () => {
      const response = await scrape(env);
      const { types } = parseExposition(response.body);
      for (const [name, type] of Object.entries({
        lianxin_http_requests_total: 'counter',
        lianxin_http_request_duration_seconds: 'histogram',
        lianxin_sla_sweeper_lag_seconds: 'gauge',
        lianxin_sla_unescalated_overdue_orders: 'gauge',
        lianxin_outbox_pending: 'gauge',
        lianxin_outbox_oldest_pending_age_seconds: 'gauge',
        lianxin_db_pool_waiting: 'gauge',
        lianxin_db_pool_connections: 'gauge',
        lianxin_import_jobs: 'gauge',
        process_resident_memory_bytes: 'gauge',
        nodejs_heap_used_bytes: 'gauge',
        nodejs_eventloop_lag_seconds: 'gauge',
      }))
        expect(types.get(name), name).toBe(type);
    });

    it('counts and times requests by route pattern and status class, never by URL', async () => {
      const labels = { method: 'GET', route: '/api/work-orders/:id', status: '4xx' };
      const before = await samplesOf(env);
      const id = '0190a0b0-0000-7000-8000-00000000abcd';
      const answer = await env.inject('GET', `/api/work-orders/${id}?phone=13845671234`, {
        cookie: world.admin,
      });
      expect(answer.status).toBe(404);
      await env.inject('GET', `/no-such-page/${id}`);
      const after = await samplesOf(env);
      expect(sampleSum(after, 'lianxin_http_requests_total', labels)).toBe(
        sampleSum(before, 'lianxin_http_requests_total', labels) + 1,
      );
      expect(sampleSum(after, 'lianxin_http_request_duration_seconds_count', labels)).toBe(
        sampleSum(before, 'lianxin_http_request_duration_seconds_count', labels) + 1,
      );
      const inf = sampleSum(after, 'lianxin_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' });
      expect(inf).toBe(sampleSum(after, 'lianxin_http_request_duration_seconds_count', labels));
      expect(
        sampleSum(after, 'lianxin_http_requests_total', { route: 'unmatched', status: '4xx' }),
      ).toBeGreaterThan(0);
    });

    it('carries no id, URL or personal data in any label', async () => {
      const order = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      });
      expect(order.status).toBe(201);
      await env.inject('GET', `/api/work-orders/${order.body(workOrderSchema).id}`, { cookie: world.admin });
      await env.inject('GET', `/api/persons/${world.people[0]!.id}`, { cookie: world.admin });
      await env.inject('GET', '/api/persons?q=13845671234', { cookie: world.admin });
      const samples = await samplesOf(env);
      const values = samples.flatMap((s) => Object.values(s.labels));
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        expect(value).not.toMatch(UUID);
        expect(value).not.toMatch(/\d{7,}/); // phones, ID numbers
        expect(value).not.toContain('?');
        expect(value).not.toMatch(/[\u4e00-\u9fff]/); // names, addresses
      }
      expect(values).toContain('/api/persons/:id');
    });

    it('shows the outbox backlog and the overdue orders the sweeper has yet to escalate', async () => {
      const pendingInDatabase = await env.database.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      // The database figures are cached for a few seconds: move past that.
      env.advanceMinutes(20 * 24 * 60);
      const lapsed = await samplesOf(env);
      expect(Number(pendingInDatabase.n)).toBeGreaterThan(0);
      expect(sampleSum(lapsed, 'lianxin_outbox_pending')).toBe(Number(pendingInDatabase.n));
      expect(sampleSum(lapsed, 'lianxin_outbox_oldest_pending_age_seconds')).toBeGreaterThan(24 * 3600);
      expect(sampleSum(lapsed, 'lianxin_sla_unescalated_overdue_orders')).toBeGreaterThan(0);
      expect(sampleSum(lapsed, 'lianxin_sla_sweeper_lag_seconds')).toBeGreaterThan(24 * 3600);

      await sweepOverdue(env.ctx, new WorkOrdersService(env.ctx).actions);
      env.advanceMinutes(1);
      const swept = await samplesOf(env);
      expect(sampleSum(swept, 'lianxin_sla_unescalated_overdue_orders')).toBe(0);
      expect(sampleSum(swept, 'lianxin_sla_sweeper_lag_seconds')).toBeLessThan(3600);
      expect(sampleSum(swept, 'lianxin_sla_sweeper_runs_total')).toBeGreaterThan(
        sampleSum(lapsed, 'lianxin_sla_sweeper_runs_total'),
      );
      expect(sampleSum(swept, 'lianxin_db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(sampleSum(swept, 'lianxin_import_jobs', { state: 'running' })).toBe(0);
    });

    it('still answers, with the pool figures, while every database connection is taken', async () => {
      // Hold every connection in an open transaction (SQLite has one, the test pool of PostgreSQL five).
      await samplesOf(env);
      const connections = env.dialect === 'sqlite' ? 1 : 5;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = 0;
      const held = Array.from({ length: connections }, () =>
        env.database.db.transaction().execute(async (trx) => {
          await trx.selectFrom('regions').select('code').limit(1).execute();
          holding += 1;
          await gate;
        }),
      );
      while (holding < connections) await new Promise((resolve) => setTimeout(resolve, 10));
      env.advanceMinutes(1); // past the cache: this scrape wants the database
      const samples = await samplesOf(env);
      release();
      await Promise.all(held);
      // The scrape's own database read is among those waiting; its figures are the last known.
      expect(sampleSum(samples, 'lianxin_db_pool_waiting')).toBeGreaterThanOrEqual(1);
      expect(sampleSum(samples, 'lianxin_db_pool_idle')).toBe(0);
      expect(sampleSum(samples, 'lianxin_metrics_database_stale')).toBe(1);
      expect(samples.some((s) => s.name === 'lianxin_outbox_pending')).toBe(true);
      env.advanceMinutes(1);
      expect(sampleSum(await samplesOf(env), 'lianxin_metrics_database_stale')).toBe(0);
    });

    it('answers a remote client, or a loopback request forwarded for someone else, like an unknown path', async () => {
      await notFoundLike(env, await scrape(env, {}, '203.0.113.7'));
      // Behind a proxy on this machine (LIANXIN_TRUST_PROXY=1) every client arrives from loopback.
      await notFoundLike(env, await scrape(env, { 'x-forwarded-for': '127.0.0.1' }));
      await notFoundLike(env, await scrape(env, { 'x-forwarded-for': '203.0.113.7' }));
      await notFoundLike(env, await scrape(env, { forwarded: 'for=127.0.0.1' }));
      expect((await scrape(env, {}, '::1')).statusCode).toBe(200);
    });
  },
  { LIANXIN_TRUST_PROXY: '1' },
);

const TOKEN = 'metrics-token-0123456789abcdef';

describeEachDialect(
  '/metrics with a token: only the bearer reads it, from anywhere',
  (env) => {
    it('answers 404 without the token, even on loopback, and with a wrong one', async () => {
      await notFoundLike(env, await scrape(env));
      await notFoundLike(env, await scrape(env, { authorization: `Bearer ${TOKEN}x` }));
      await notFoundLike(env, await scrape(env, { authorization: `Basic ${TOKEN}` }));
      await notFoundLike(env, await scrape(env, { authorization: TOKEN }));
    });

    it('serves the bearer of the token, from a remote address too', async () => {
      const response = await scrape(env, { authorization: `Bearer ${TOKEN}` }, '203.0.113.7');
      expect(response.statusCode).toBe(200);
      expect(parseExposition(response.body).samples.length).toBeGreaterThan(10);
    });
  },
  { LIANXIN_METRICS_TOKEN: TOKEN },
);
