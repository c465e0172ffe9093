/**
 * The server the soak benchmark loads (bench/soak.bench.ts): the real app over the benchmark's
 * database, with the background jobs of the scheduler (the SLA sweeper every minute, the outbox
 * every two seconds) but text messages sent nowhere. A process of its own, so that its memory is
 * the server's alone; it reports on itself through /metrics (loopback, no token).
 *   tsx bench/soak-server.ts <dataDir> [databaseUrl]   → prints `listening <port>`
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { deliverDueNotifications } from '../src/server/modules/notifications/dispatcher.js';
import { ConsoleProvider } from '../src/server/modules/notifications/providers.js';
import { sweepOverdue } from '../src/server/modules/work-orders/sla-sweeper.js';
import { WorkOrdersService } from '../src/server/modules/work-orders/work-orders.service.js';
import { createServiceContext } from '../src/server/services.js';

const [dataDir, databaseUrl] = process.argv.slice(2) as [string, string | undefined];
const config = loadConfig({
  LIANXIN_DATA_DIR: dataDir,
  LIANXIN_LOGIN_RATE_LIMIT: '10000',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
const ctx = createServiceContext(config, database, () => new Date());
const app = await buildApp({ config, database, webRoot: '/nonexistent' });
await app.listen({ host: '127.0.0.1', port: 0 });

// As scheduler.ts runs them, without the console provider's printing.
const silent = new ConsoleProvider(() => undefined);
const actions = new WorkOrdersService(ctx).actions;
const every = (ms: number, run: () => Promise<unknown>) => {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    run()
      .catch((error: unknown) => process.stderr.write(`background job failed: ${String(error)}\n`))
      .finally(() => {
        busy = false;
      });
  }, ms);
};
const timers = [
  every(60_000, () => sweepOverdue(ctx, actions)),
  every(2_000, () => deliverDueNotifications(ctx, silent)),
];

process.on('SIGTERM', () => {
  for (const timer of timers) clearInterval(timer);
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
