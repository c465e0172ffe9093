import { buildApp, loggerOptions } from './app.js';
import { type BootstrapReport, bootstrap } from './bootstrap.js';
import { type Config, loadConfig } from './config.js';
import { CREDENTIALS_FILE } from './credentials-file.js';
import { openDatabase } from './db/database.js';
import { startScheduler } from './scheduler.js';
import { createServiceContext, type ServiceContext } from './services.js';

/**
 * What the first start adds to a bootstrap: the demo district (unless LIANXIN_DEMO=0) and the lines
 * that tell the operator the admin password and the demo's accounts. The generators are loaded
 * only when a first start builds the demo.
 */
async function firstStartExtras(ctx: ServiceContext, report: BootstrapReport): Promise<void> {
  const { config } = ctx;
  const firstStart = config.demo && report.firstStart ? await import('./demo/first-start.js') : undefined;
  const demo = firstStart ? await firstStart.buildFirstStartDemo(ctx) : undefined;
  if (report.generatedAdminPassword) {
    // Printed once, on purpose, to the console only (never through the logger).
    process.stdout.write(
      `\n  管理员账户 / admin account:  admin   ${report.generatedAdminPassword}\n` +
        `  (also written to ${report.credentialsFile}, mode 0600)\n\n`,
    );
  }
  if (firstStart && demo)
    process.stdout.write(firstStart.describeDemo(demo, `${config.dataDir}/${CREDENTIALS_FILE}`));
}

/**
 * The primary of `lianxin start --workers N` sets the database up once (migrations, the first
 * start's admin and demo, imports a crash interrupted) before it forks the workers, so that N
 * processes never race to do it.
 */
export async function prepareDatabase(config: Config): Promise<BootstrapReport> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  try {
    const ctx = createServiceContext(config, database, () => new Date());
    const report = await bootstrap(ctx, database);
    await firstStartExtras(ctx, report);
    return report;
  } finally {
    await database.close();
  }
}

/**
 * Starts the platform: config, database, first-start set-up, HTTP. Returns a stop function.
 * `worker`: one of the processes of `lianxin start --workers N`, whose primary prepared the database.
 */
export async function startServer(
  config: Config = loadConfig(),
  options: { worker?: boolean } = {},
): Promise<() => Promise<void>> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const ctx = createServiceContext(config, database, () => new Date());
  const report = await bootstrap(ctx, database, { recoverInterrupted: !options.worker });
  await firstStartExtras(ctx, report);
  const app = await buildApp({ config, database, logger: loggerOptions(config.logLevel) });
  for (const step of report.migrations) app.log.info(`migration: ${step}`);
  if (report.regionsImported > 0)
    app.log.info(`imported ${report.regionsImported} regions of ${config.districtCode}`);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const who = options.worker ? `, worker ${process.pid}` : '';
  process.stdout.write(
    `\n  连心 Lianxin is running at http://${config.host}:${port}  (${database.dialect}${who})\n\n`,
  );
  const stopScheduler = config.scheduler ? startScheduler(ctx, app.log) : () => undefined;
  return async () => {
    stopScheduler();
    await app.close();
    await database.close();
  };
}
