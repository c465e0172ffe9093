import { buildApp, loggerOptions } from './app.js';
import { bootstrap } from './bootstrap.js';
import { type Config, loadConfig } from './config.js';
import { CREDENTIALS_FILE } from './credentials-file.js';
import { openDatabase } from './db/database.js';
import { startScheduler } from './scheduler.js';
import { createServiceContext } from './services.js';

/** Starts the platform: config, database, first-start set-up, HTTP. Returns a stop function. */
export async function startServer(config: Config = loadConfig()): Promise<() => Promise<void>> {
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const ctx = createServiceContext(config, database, () => new Date());
  const report = await bootstrap(ctx, database);
  // A newcomer lands in a living district: on the first start, unless LIANXIN_DEMO=0.
  // The generators are loaded only when a first start builds the demo.
  const firstStart = config.demo && report.firstStart ? await import('./demo/first-start.js') : undefined;
  const demo = firstStart ? await firstStart.buildFirstStartDemo(ctx) : undefined;
  const app = await buildApp({ config, database, logger: loggerOptions(config.logLevel) });
  for (const step of report.migrations) app.log.info(`migration: ${step}`);
  if (report.regionsImported > 0)
    app.log.info(`imported ${report.regionsImported} regions of ${config.districtCode}`);
  if (report.generatedAdminPassword) {
    // Printed once, on purpose, to the console only (never through the logger).
    process.stdout.write(
      `\n  管理员账户 / admin account:  admin   ${report.generatedAdminPassword}\n` +
        `  (also written to ${report.credentialsFile}, mode 0600)\n\n`,
    );
  }
  if (firstStart && demo)
    process.stdout.write(firstStart.describeDemo(demo, `${config.dataDir}/${CREDENTIALS_FILE}`));
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    `\n  连心 Lianxin is running at http://${config.host}:${port}  (${database.dialect})\n\n`,
  );
  const stopScheduler = config.scheduler ? startScheduler(ctx, app.log) : () => undefined;
  return async () => {
    stopScheduler();
    await app.close();
    await database.close();
  };
}
