import fs from 'node:fs';
import type { Command } from 'commander';
import { migrateToLatest } from '../server/db/migrate.js';
import {
  describeProblem,
  generateDemoBoundaries,
  importBoundaries,
  rebuildRollups,
} from '../server/modules/cockpit/index.js';
import { CLI_ACTOR, withDatabase } from './context.js';

/** `lianxin regions boundaries` and `lianxin rollups rebuild`: the cockpit's maintenance commands. */
export function registerCockpitCommands(program: Command, regions: Command): void {
  regions
    .command('boundaries')
    .argument('[file]', 'a GeoJSON FeatureCollection; each feature’s properties.code is a region code')
    .option('--skip-invalid', 'import the good features and report the bad ones (default: all or nothing)')
    .option('--demo [district]', 'instead of a file: generate plausible demo outlines for a district')
    .description('import region outlines for the cockpit’s maps (or generate demo ones)')
    .action((file: string | undefined, options: { skipInvalid?: boolean; demo?: string | boolean }) =>
      withDatabase(async (ctx, database) => {
        await migrateToLatest(database);
        if (options.demo) {
          const district = typeof options.demo === 'string' ? options.demo : ctx.config.districtCode;
          const count = await generateDemoBoundaries(ctx, district);
          process.stdout.write(`${district}: ${count} demo outlines\n`);
          return;
        }
        if (!file) throw new Error('Name a .geojson file, or use --demo');
        const outcome = await importBoundaries(ctx, fs.readFileSync(file, 'utf8'), {
          actor: CLI_ACTOR,
          skipInvalid: Boolean(options.skipInvalid),
        });
        for (const problem of outcome.problems) process.stdout.write(`${describeProblem(problem, 'zh')}\n`);
        if (outcome.written) {
          process.stdout.write(
            `导入区域边界 ${outcome.imported} 个${outcome.problems.length ? `，跳过 ${outcome.problems.length} 个` : ''}\n`,
          );
        } else {
          process.stdout.write('导入被拒绝，数据库未作任何更改\n');
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('rollups')
    .description('the cockpit’s counters')
    .command('rebuild')
    .description('recount every cockpit and coverage counter from the raw tables')
    .action(() =>
      withDatabase(async (ctx, database) => {
        await migrateToLatest(database);
        const result = await rebuildRollups(ctx);
        process.stdout.write(`rollups: ${result.rollups} rows, region stats: ${result.regionStats} rows\n`);
      }),
    );
}
