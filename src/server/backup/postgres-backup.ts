import { spawn } from 'node:child_process';
import type { Database } from '../db/database.js';
import { DomainError } from '../http/errors.js';
import { auditChainHeads } from '../modules/audit/index.js';
import { postgresBackupRepository } from './postgres-backup.repository.js';
import type { SchemaState } from './schema-state.js';

/** Runs a PostgreSQL client tool; its stderr becomes the error when it fails. */
function runTool(
  command: string,
  args: string[],
  options: { stdin?: NodeJS.ReadableStream; prefix?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdin is always a pipe: ended at once when there is nothing to feed.
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 10_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' ? new DomainError('backup.tool_missing', 500, { tool: command }) : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new DomainError('backup.tool_failed', 500, { tool: command, detail: stderr.trim() }));
    });
    if (options.prefix) child.stdin.write(options.prefix);
    if (options.stdin) options.stdin.pipe(child.stdin);
    else child.stdin.end();
  });
}

/**
 * pg_dump in custom format, inside a snapshot this process exported: the schema version and audit
 * head the backup records are read from the very state pg_dump copies, while the server writes on.
 */
export function dumpPostgres(database: Database, databaseUrl: string, payload: string): Promise<SchemaState> {
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snapshot = await postgresBackupRepository.exportSnapshot(trx);
      const migrations = await postgresBackupRepository.appliedMigrations(trx);
      const auditHeads = await auditChainHeads(trx);
      await runTool('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        '--file',
        payload,
        '--dbname',
        databaseUrl,
      ]);
      return { migrations, auditHeads };
    });
}

export function postgresIsEmpty(database: Database): Promise<boolean> {
  return postgresBackupRepository.isEmpty(database.db);
}

/**
 * Replays the archive in one transaction: the public schema is dropped and built anew from the
 * backup, so nothing of the old database survives next to it (tables of a later migration
 * included), and a failure half way leaves the database as it was.
 */
export async function restorePostgres(payload: string, databaseUrl: string): Promise<void> {
  // pg_restore turns the archive into SQL; psql runs it with the schema reset in front.
  const script = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file', '-', payload], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let scriptError = '';
  script.stderr.on('data', (chunk: Buffer) => {
    scriptError += chunk.toString('utf8');
  });
  const scriptDone = new Promise<void>((resolve, reject) => {
    script.on('error', reject);
    script.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new DomainError('backup.tool_failed', 500, { tool: 'pg_restore', detail: scriptError.trim() }),
          ),
    );
  });
  await Promise.all([
    runTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--dbname', databaseUrl], {
      stdin: script.stdout,
      prefix: 'drop schema if exists public cascade;\ncreate schema public;\n',
    }),
    scriptDone,
  ]);
}
