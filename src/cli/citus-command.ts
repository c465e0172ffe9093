import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { CitusMissingError, distributeOnCitus } from '../server/db/citus/index.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { withDatabase } from './context.js';

/** `lianxin citus distribute`: turns a migrated PostgreSQL database on a Citus coordinator into a distributed one. */
export function registerCitusCommand(program: Command): void {
  const citus = program.command('citus').description('the Citus (distributed PostgreSQL) mode');
  citus
    .command('distribute')
    .description(
      'on a Citus coordinator (DATABASE_URL): migrate, then make the small shared tables reference tables and distribute every table with district_code by it, co-located, with keys and foreign keys rewritten to include district_code; a second run does nothing',
    )
    .option('--shard-count <n>', 'shards per distributed table (Citus default 32)')
    .option('--dry-run', 'print the steps without changing anything')
    .action((options: { shardCount?: string; dryRun?: boolean }) =>
      withDatabase(async (_ctx, database) => {
        if (database.dialect !== 'postgres') {
          process.stderr.write('citus distribute needs DATABASE_URL pointing at a Citus coordinator.\n');
          process.exitCode = 2;
          return;
        }
        const shardCount = options.shardCount ? Number.parseInt(options.shardCount, 10) : undefined;
        if (shardCount !== undefined && !(shardCount > 0)) {
          process.stderr.write('--shard-count must be a positive whole number.\n');
          process.exitCode = 2;
          return;
        }
        try {
          await migrateToLatest(database);
          const steps = await distributeOnCitus(database.db as unknown as Kysely<unknown>, {
            ...(shardCount ? { shardCount } : {}),
            dryRun: options.dryRun === true,
            onStep: (step) => process.stdout.write(`${step.description}\n`),
          });
          const what = options.dryRun ? 'would be done' : 'done';
          process.stdout.write(
            steps.length ? `${steps.length} steps ${what}.\n` : 'Already distributed: nothing to do.\n',
          );
        } catch (error) {
          if (!(error instanceof CitusMissingError)) throw error;
          process.stderr.write(`${error.message}\n`);
          process.exitCode = 2;
        }
      }),
    );
}
