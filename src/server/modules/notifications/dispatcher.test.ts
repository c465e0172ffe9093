import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createServiceContext, type ServiceContext } from '../../services.js';
import { describeEachDialect } from '../../testing/test-env.js';
import { backoffMs, deliverDueNotifications } from './dispatcher.js';
import { enqueueNotification } from './outbox.js';
import { ConsoleProvider, type NotificationProvider, WebhookProvider } from './providers.js';

/** A real SMS gateway stand-in: answers 503 while "down", 200 otherwise, and keeps what it took. */
function gateway() {
  const state = { down: true, received: [] as { id: string; to: string; text: string }[] };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (state.down) {
        response.writeHead(503).end();
        return;
      }
      state.received.push(JSON.parse(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return { state, server };
}

describeEachDialect('the notification outbox: nothing lost while the provider is down', (env) => {
  const { state, server } = gateway();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const queue = (phone: string, number: string) =>
    env.database.db.transaction().execute((trx) =>
      enqueueNotification(env.ctx, trx, {
        districtCode: '230108',
        recipient: { phone },
        template: 'order_accepted',
        params: { number, due: '2026-12-01 00:00' },
      }),
    );

  it('backs off from 30 seconds, doubling, capped at an hour', () => {
    expect([1, 2, 3, 10, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });

  it('retries a message the gateway refused until it is taken, then never again', async () => {
    await queue('13912345678', '20261126-0001');
    await queue('13912345679', '20261126-0002');
    const provider = new WebhookProvider(url);

    expect(await deliverDueNotifications(env.ctx, provider)).toEqual({ sent: 0, failed: 2 });
    const waiting = await env.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('channel', '=', 'sms')
      .execute();
    expect(
      waiting.every((n) => n.status === 'pending' && n.attempts === 1 && n.last_error?.includes('503')),
    ).toBe(true);

    // Not due again before the backoff has passed, even though the gateway is back.
    state.down = false;
    expect(await deliverDueNotifications(env.ctx, provider)).toEqual({ sent: 0, failed: 0 });
    env.advanceMinutes(1);
    expect(await deliverDueNotifications(env.ctx, provider)).toEqual({ sent: 2, failed: 0 });
    expect(state.received.map((m) => m.to).sort()).toEqual(['13912345678', '13912345679']);
    expect(state.received[0]!.text).toContain('已受理');

    env.advanceMinutes(120);
    expect(await deliverDueNotifications(env.ctx, provider)).toEqual({ sent: 0, failed: 0 });
    expect(state.received).toHaveLength(2);
  });

  it('keeps sign-in codes encrypted until they are sent; the console provider prints them whole', async () => {
    await env.database.db.transaction().execute((trx) =>
      enqueueNotification(env.ctx, trx, {
        districtCode: '230108',
        recipient: { phone: '13700001111' },
        template: 'otp',
        params: { code: '482913' },
      }),
    );
    const stored = await env.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('template', '=', 'otp')
      .execute();
    expect(JSON.stringify(stored)).not.toContain('482913');
    expect(JSON.stringify(stored)).not.toContain('13700001111');
    const lines: string[] = [];
    await deliverDueNotifications(env.ctx, new ConsoleProvider((line) => lines.push(line)));
    expect(lines).toEqual([expect.stringContaining('137****1111')]);
    expect(lines[0]).toContain('482913');
  });

  it('still sends a result queued in clear before its template became secret', async () => {
    await env.database.db.transaction().execute((trx) =>
      enqueueNotification(env.ctx, trx, {
        districtCode: '230108',
        recipient: { phone: '13700002222' },
        template: 'order_resolved',
        params: { number: '20261201-0007', resolution: '已更换楼道灯' },
      }),
    );
    // As an older version stored it: the params in clear.
    await env.database.db
      .updateTable('notifications')
      .set({ params: JSON.stringify({ number: '20261201-0007', resolution: '已更换楼道灯' }) })
      .where('template', '=', 'order_resolved')
      .execute();
    const lines: string[] = [];
    await deliverDueNotifications(env.ctx, new ConsoleProvider((line) => lines.push(line)));
    expect(lines.find((line) => line.includes('137****2222'))).toContain('已更换楼道灯');
  });
});

/** A provider that takes every message and keeps the ids it was given, across processes. */
function recorder(sent: string[]): NotificationProvider {
  return {
    name: 'recorder',
    send: async (message) => {
      sent.push(message.id);
    },
  };
}

describeEachDialect('the notification outbox: claimed district by district', (env) => {
  const BUSY = '230108';
  const QUIET = '230103';
  const queue = (districtCode: string, count: number) =>
    env.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++)
        await enqueueNotification(env.ctx, trx, {
          districtCode,
          recipient: { phone: `139${String(i).padStart(8, '0')}` },
          template: 'order_accepted',
          params: { number: `20261207-${String(i).padStart(4, '0')}`, due: '2026-12-08 00:00' },
        });
    });
  const pending = () =>
    env.database.db
      .selectFrom('notifications')
      .select(['district_code', 'id'])
      .where('status', '=', 'pending')
      .execute();

  it('bounds each district’s batch per pass, so a busy district does not hold back a quiet one', async () => {
    await queue(BUSY, 12);
    await queue(QUIET, 3);
    const sent: string[] = [];
    expect(await deliverDueNotifications(env.ctx, recorder(sent), 5)).toEqual({ sent: 8, failed: 0 });
    const left = await pending();
    expect(left.filter((n) => n.district_code === QUIET)).toEqual([]);
    expect(left.filter((n) => n.district_code === BUSY)).toHaveLength(7);
    while ((await deliverDueNotifications(env.ctx, recorder(sent), 5)).sent > 0);
    expect(await pending()).toEqual([]);
    expect(new Set(sent).size).toBe(15);
    expect(sent).toHaveLength(15);
  });

  // Two connections in one Node thread cannot share SQLite's write lock (see sla-sweeper.test.ts):
  // the multi-process case is PostgreSQL's (and Citus's, see citus-claims.test.ts).
  it.skipIf(env.dialect === 'sqlite')(
    'sends each message once with two processes claiming at once',
    async () => {
      await queue(BUSY, 20);
      await queue(QUIET, 8);
      const other = openDatabase({
        dataDir: env.handle.dataDir,
        databaseUrl: env.handle.databaseUrl,
        poolSize: 5,
      });
      try {
        const otherCtx = createServiceContext(env.config, other, env.now);
        const sent: string[] = [];
        const drain = async (ctx: ServiceContext) => {
          while ((await deliverDueNotifications(ctx, recorder(sent), 3)).sent > 0);
        };
        await Promise.all([drain(env.ctx), drain(otherCtx)]);
        // A process that found every due row locked by the other stops early; one more pass finishes.
        await drain(env.ctx);
        expect(await pending()).toEqual([]);
        expect(sent).toHaveLength(28);
        expect(new Set(sent).size).toBe(28);
      } finally {
        await other.close();
      }
    },
  );
});
