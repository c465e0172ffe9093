import { Command } from 'commander';
import { bootstrap } from '../server/bootstrap.js';
import { migrateDown, migrateToLatest } from '../server/db/migrate.js';
import { DomainError } from '../server/http/errors.js';
import { translate } from '../server/i18n/messages.js';
import { auditAnchor, sealAuditChains, verifyAndExportAuditHead } from '../server/modules/audit/index.js';
import { importCountyRegions } from '../server/modules/regions/index.js';
import { articleReport, formatArticleTable } from '../server/modules/report/index.js';
import { describeVerification } from './audit-report.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerCitusCommand } from './citus-command.js';
import { registerCockpitCommands } from './cockpit-commands.js';
import { CLI_ACTOR, withDatabase } from './context.js';
import { registerOpen311Command } from './open311-command.js';
import { registerRegisterCommands } from './register-commands.js';
import { registerStartCommand } from './start-command.js';
import { registerUsersCommand } from './users-command.js';

const program = new Command('lianxin').description('连心 Lianxin — grid-based service platform');

registerStartCommand(program);

program
  .command('migrate')
  .description('apply pending database migrations (or undo the last one with --down)')
  .option('--down', 'undo the most recent migration')
  .action((options: { down?: boolean }) =>
    withDatabase(async (_ctx, database) => {
      const steps = options.down ? await migrateDown(database) : await migrateToLatest(database);
      process.stdout.write(steps.length ? `${steps.join('\n')}\n` : 'Nothing to migrate.\n');
    }),
  );

const regions = program.command('regions').description('the region tree');
regions
  .command('import <countyCode>')
  .description('import a county’s real street/town and community/village tree (e.g. 230108)')
  .action((countyCode: string) =>
    withDatabase(async (ctx, database) => {
      await migrateToLatest(database);
      const result = await importCountyRegions(ctx, countyCode, CLI_ACTOR);
      process.stdout.write(
        `${countyCode}: ${result.created} created, ${result.renamed} renamed, ${result.unchanged} unchanged\n`,
      );
    }),
  );

registerCockpitCommands(program, regions);

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description(
    'seal what is waiting, then check every chain (the legacy one and each district’s), every MAC, the rows not sealed yet and the exported heads (data/audit-head.json); ' +
      'exits non-zero at the first broken link, and exports the head when the chain holds',
  )
  .action(() =>
    withDatabase(async (ctx, database) => {
      const anchor = auditAnchor(ctx);
      // What was written up to now is sealed first; rows that come meanwhile are checked by their MAC.
      await sealAuditChains(ctx, { wait: true });
      const result = await verifyAndExportAuditHead(database.db, anchor, new Date());
      process.stdout.write(`${describeVerification(result, anchor)}\n`);
      if (!result.ok) process.exitCode = 1;
    }),
  );

registerUsersCommand(program);
registerBackupCommands(program);
registerCitusCommand(program);

program
  .command('demo')
  .description('build a demo district on an empty database (refuses one that holds real data)')
  .option(
    '--scale <scale>',
    'small (about 5,000 residents), district (about 200,000, the article’s figures) or city (eight districts)',
    'small',
  )
  .option('--seed <n>', 'the same seed builds the same district', '2013')
  .action((options: { scale: string; seed: string }) =>
    withDatabase(async (ctx, database) => {
      // Loaded when asked for: the generators (and faker's names) are not needed by other commands.
      const { buildDemo, DEMO_SCALES } = await import('../server/demo/demo-district.js');
      const { demoProgressBar } = await import('../server/demo/demo-progress.js');
      const { appendDemoCredentials, describeDemo } = await import('../server/demo/first-start.js');
      const scale = DEMO_SCALES.find((s) => s === options.scale);
      if (!scale) throw new Error(`Unknown scale ${options.scale}; known: ${DEMO_SCALES.join(', ')}`);
      const seed = Number(options.seed);
      if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, not ${options.seed}`);
      const boot = await bootstrap(ctx, database);
      if (boot.generatedAdminPassword)
        process.stdout.write(`  admin                ${boot.generatedAdminPassword}   (district_admin)\n`);
      const bar = demoProgressBar();
      let report: Awaited<ReturnType<typeof buildDemo>>;
      try {
        report = await buildDemo(ctx, { scale, seed, onProgress: bar.update });
      } finally {
        bar.stop();
      }
      const file = appendDemoCredentials(ctx.config.dataDir, report);
      process.stdout.write(describeDemo(report, file));
    }),
  );
const report = program.command('report').description('reports');
report
  .command('article')
  .description('the article’s figures next to the platform’s own counts for the district (重现文章)')
  .option('--format <format>', 'table or json', 'table')
  .option('--district <code>', 'another district of the database (default: the configured one)')
  .action((options: { format: string; district?: string }) =>
    withDatabase(async (ctx, database) => {
      if (options.format !== 'table' && options.format !== 'json')
        throw new Error(`Unknown format ${options.format}; known: table, json`);
      const result = await articleReport(database.db, options.district ?? ctx.config.districtCode);
      process.stdout.write(
        options.format === 'json' ? `${JSON.stringify(result.rows, null, 2)}\n` : formatArticleTable(result),
      );
    }),
  );

registerRegisterCommands(program);
registerOpen311Command(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message =
    error instanceof DomainError ? translate(error.code, 'zh', error.params) : (error as Error).message;
  const fields =
    error instanceof DomainError && error.fields
      ? error.fields.map((f) => ` ${f.path}: ${translate(f.code, 'zh', f.params)}`).join(';')
      : '';
  process.stderr.write(`lianxin: ${message}${fields}\n`);
  process.exitCode = 1;
}
