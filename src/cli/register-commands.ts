import path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { translate } from '../server/i18n/messages.js';
import {
  importMembers,
  MembersService,
  memberImportLimits,
  writeMemberTemplate,
} from '../server/modules/organizations/index.js';
import {
  formatOf,
  importResidents,
  inspectSpreadsheet,
  limitsForRows,
  SpreadsheetRefused,
  writeErrorReport,
  writeResidentTemplate,
} from '../server/modules/register/index.js';
import { CLI_ACTOR, systemScope, withDatabase } from './context.js';

/** `data/x.xlsx` → `data/x.errors.xlsx` */
export const errorReportPath = (input: string): string =>
  path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.errors.xlsx`);

export function registerRegisterCommands(program: Command): void {
  program
    .command('template')
    .argument('<kind>', 'residents | members')
    .argument('<out>', 'the .xlsx file to write')
    .description('write an empty import template')
    .action(async (kind: string, out: string) => {
      if (kind === 'residents') await writeResidentTemplate(out);
      else if (kind === 'members') await writeMemberTemplate(out);
      else throw new Error(`Unknown template ${kind}; known: residents, members`);
      process.stdout.write(`${path.resolve(out)}\n`);
    });

  program
    .command('import')
    .argument('<kind>', 'residents | members')
    .argument('<file>', '.xlsx or .csv (UTF-8 or GB18030)')
    .option('--skip-invalid', 'write the good rows and report the bad ones (default: all or nothing)')
    .description('import a register file; a rejected file leaves the database as it was')
    .action((kind: string, file: string, options: { skipInvalid?: boolean }) =>
      withDatabase(async (ctx, database) => {
        if (kind !== 'residents' && kind !== 'members')
          throw new Error(`Unknown import ${kind}; known: residents, members`);
        const format = formatOf(file);
        if (!format) throw new Error('Only .xlsx and .csv files can be imported');
        const limits =
          kind === 'members'
            ? memberImportLimits(ctx.config.importMaxRows)
            : limitsForRows(ctx.config.importMaxRows);
        // Read through once first, as an upload is: a file past a limit is refused before any row
        // is checked or written, with the limit named.
        try {
          await inspectSpreadsheet(file, format, limits);
        } catch (error) {
          if (!(error instanceof SpreadsheetRefused)) throw error;
          process.stderr.write(
            `导入被拒绝，数据库未作任何更改：${translate(error.code, 'zh', error.params)}\n`,
          );
          process.exitCode = 1;
          return;
        }
        const bar = new SingleBar({
          format: '导入 {bar} {percentage}% | {rows} 行',
          stream: process.stderr,
          hideCursor: true,
          // Without a terminal (CI, logs, a parent process) print a line a second instead.
          noTTYOutput: true,
          notTTYSchedule: 1000,
        });
        bar.start(100, 0, { rows: 0 });
        const run =
          kind === 'members'
            ? (options: Parameters<typeof importResidents>[3]) =>
                importMembers(ctx, new MembersService(ctx), file, format, options)
            : (options: Parameters<typeof importResidents>[3]) => importResidents(ctx, file, format, options);
        const outcome = await run({
          scope: await systemScope(database),
          actor: CLI_ACTOR,
          skipInvalid: Boolean(options.skipInvalid),
          limits,
          onProgress: ({ fraction, rows }) => bar.update(Math.round(fraction * 100), { rows }),
        });
        bar.stop();
        if (outcome.unknownColumns.length > 0) {
          process.stdout.write(`未识别的列（未导入）：${outcome.unknownColumns.join('、')}\n`);
        }
        process.stdout.write(
          `${outcome.status === 'succeeded' ? '导入完成' : '导入被拒绝，数据库未作任何更改'}：` +
            `共 ${outcome.totalRows} 行，新增 ${outcome.created}，更新 ${outcome.updated}，未变 ${outcome.unchanged}，错误 ${outcome.invalid}\n`,
        );
        if (outcome.fileProblem) process.stdout.write(`${outcome.fileProblem}\n`);
        if (outcome.invalid > 0 || outcome.fileProblem) {
          const report = errorReportPath(file);
          await writeErrorReport({
            input: file,
            format,
            output: report,
            problems: outcome.problems,
            fileProblem: outcome.fileProblem,
            limits,
          });
          process.stdout.write(`${path.resolve(report)}\n`);
        }
        if (outcome.status === 'rejected') process.exitCode = 1;
      }),
    );
}
