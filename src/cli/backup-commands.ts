import path from 'node:path';
import type { Command } from 'commander';
import { createBackup } from '../server/backup/backup.js';
import { manifestHeads } from '../server/backup/backup-format.js';
import { anchorOf, restoreBackup } from '../server/backup/restore.js';
import { KEY_FILE } from '../server/crypto/data-key.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { verifyAuditChain } from '../server/modules/audit/index.js';
import { describeVerification } from './audit-report.js';
import { readConfig, withDatabase } from './context.js';
import { cliLanguage } from './language.js';

/** The chain heads a backup holds, in one line: `legacy 812, 230108 1204`. */
const describeHeads = (manifest: Parameters<typeof manifestHeads>[0]) => {
  const heads = manifestHeads(manifest);
  return [
    `legacy ${heads.legacy.seq}`,
    ...Object.entries(heads.districts).map(([d, link]) => `${d} ${link.seq}`),
  ].join(', ');
};

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'the backup file to write')
    .description(
      'back up the database while the server runs (SQLite online backup, or pg_dump), with its schema version and audit head',
    )
    .action((file: string) =>
      withDatabase(async (ctx) => {
        const { manifest, chain } = await createBackup(ctx, file);
        process.stdout.write(
          `Backup written: ${path.resolve(file)} (${manifest.dialect}, ${manifest.payloadBytes} bytes, ` +
            `${manifest.migrations.length} migrations, audit heads ${describeHeads(manifest)}).\n` +
            `It holds personal data encrypted with the data key; keep the key apart from it: ${
              ctx.config.dataKey ? 'LIANXIN_DATA_KEY' : path.join(ctx.config.dataDir, KEY_FILE)
            }.\n`,
        );
        if (!chain.ok) {
          process.stderr.write(
            `${cliLanguage() === 'zh' ? '警告' : 'warning'}: ${describeVerification(chain, anchorOf(ctx.config))}\n`,
          );
        }
      }),
    );

  program
    .command('restore')
    .argument('<file>', 'a file written by `lianxin backup`')
    .option('--force', 'overwrite a database that is not empty (stop the server first)')
    .description(
      'restore a backup into the configured database; refuses a non-empty one without --force and a backup from a newer version',
    )
    .action(async (file: string, options: { force?: boolean }) => {
      const config = readConfig();
      const manifest = await restoreBackup(config, file, { force: Boolean(options.force), now: new Date() });
      process.stdout.write(
        `Restored ${path.resolve(file)} (taken ${manifest.createdAt}, audit heads ${describeHeads(manifest)}).\n`,
      );
      await withDatabase(async (_ctx, database) => {
        const steps = await migrateToLatest(database);
        if (steps.length > 0) process.stdout.write(`${steps.join('\n')}\n`);
        const anchor = anchorOf(config);
        const result = await verifyAuditChain(database.db, anchor);
        process.stdout.write(`${describeVerification(result, anchor)}\n`);
        if (!result.ok) process.exitCode = 1;
      });
    });
}
