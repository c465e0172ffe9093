import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { KEY_FILE } from '../crypto/data-key.js';
import { type Database, openDatabase } from '../db/database.js';
import { AUDIT_HEAD_FILE, sealAuditChains, verifyAuditChain } from '../modules/audit/index.js';
import { createTestDatabase } from '../testing/test-database.js';
import { describeEachDialect, QINGNIAN, type TestEnv } from '../testing/test-env.js';
import { type BackupManifest, manifestHeads, readBackupManifest } from './backup-format.js';
import { anchorOf } from './restore.js';

const run = promisify(execFile);

/** How many sealed rows the chains a backup records hold. */
const sealedRowsOf = (manifest: BackupManifest) => {
  const heads = manifestHeads(manifest);
  return Object.values(heads.districts).reduce((sum, link) => sum + link.seq, heads.legacy.seq);
};
const bin = path.resolve(import.meta.dirname, '../../../bin/lianxin.mjs');

/** Runs `lianxin …` as a child process, as an operator would. */
async function lianxin(
  childEnv: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: childEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function tableNames(database: Database): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`;
  return (await query.execute(database.db)).rows.map((row) => row.name).sort();
}

/** Every table's row count and a checksum of its rows (order-free): what a round trip must keep. */
async function contents(database: Database): Promise<Record<string, { rows: number; checksum: string }>> {
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const table of await tableNames(database)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db))
      .rows;
    const lines = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((key) => [key, row[key]]),
        ),
      )
      .sort();
    result[table] = {
      rows: rows.length,
      checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
    };
  }
  return result;
}

/** The same backup with another description line: what a backup from a newer version looks like. */
function rewriteManifest(
  file: string,
  target: string,
  change: (manifest: Record<string, unknown>) => void,
): void {
  const bytes = fs.readFileSync(file);
  const { manifest, payloadOffset } = readBackupManifest(file);
  const changed = { ...manifest } as unknown as Record<string, unknown>;
  change(changed);
  fs.writeFileSync(
    target,
    Buffer.concat([
      Buffer.from(`LIANXIN-BACKUP 1\n${JSON.stringify(changed)}\n`),
      bytes.subarray(payloadOffset),
    ]),
  );
}

async function buildData(env: TestEnv, name: string): Promise<void> {
  const admin = await env.loginAdmin();
  const grid = await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
    cookie: admin,
    body: { kind: 'grid', name },
  });
  expect(grid.status).toBe(201);
  await env.createUser({ role: 'grid_worker' });
}

describeEachDialect('backup and restore', (env) => {
  it('restores into an empty database elsewhere, and only with the backup’s data key', {
    timeout: 180_000,
  }, async () => {
    await buildData(env, '备份网格甲');
    // The backup seals what waits first; sealed already, the rows compare equal after a restore.
    await sealAuditChains(env.ctx, { wait: true });
    const original = await contents(env.database);
    const file = env.file('elsewhere.backup');
    const backup = await lianxin(env.cliEnv(), 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = await createTestDatabase(env.dialect);
    try {
      // The target's own connection is closed: restore replaces a SQLite file only when nobody has it open.
      await target.database.close();
      const targetEnv = {
        PATH: process.env.PATH,
        LIANXIN_DATA_DIR: target.dataDir,
        ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
      };
      const withoutKey = await lianxin(targetEnv, 'restore', file);
      expect(withoutKey.code).toBe(1);
      expect(withoutKey.stderr).toContain('另一把数据密钥');
      // Refusing does not leave a new, wrong key behind for the operator to trip over.
      expect(fs.existsSync(path.join(target.dataDir, KEY_FILE))).toBe(false);

      fs.copyFileSync(path.join(env.config.dataDir, KEY_FILE), path.join(target.dataDir, KEY_FILE));
      const restored = await lianxin(targetEnv, 'restore', file);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/审计链完整：共 \d+ 行/);
      const reopened = openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
      try {
        expect(await contents(reopened)).toEqual(original);
      } finally {
        await reopened.close();
      }
    } finally {
      await target.drop();
    }
  });

  it('takes one consistent snapshot while the server writes', { timeout: 180_000 }, async () => {
    const file = env.file('busy.backup');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await env.loginAdmin();
        written += 1;
      }
    })();
    const backup = await lianxin(env.cliEnv(), 'backup', file);
    writing = false;
    await writer;
    expect(backup.code).toBe(0);
    expect(written).toBeGreaterThan(0);
    const { manifest } = readBackupManifest(file);

    const target = await createTestDatabase(env.dialect);
    try {
      await target.database.close();
      fs.copyFileSync(path.join(env.config.dataDir, KEY_FILE), path.join(target.dataDir, KEY_FILE));
      const targetEnv = {
        PATH: process.env.PATH,
        LIANXIN_DATA_DIR: target.dataDir,
        ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
      };
      const restored = await lianxin(targetEnv, 'restore', file);
      expect(restored.code).toBe(0);
      const reopened = openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
      try {
        // The recorded head is the copy's own last row, and the copied chain is whole.
        expect(
          await verifyAuditChain(reopened.db, anchorOf({ dataDir: target.dataDir, dataKey: undefined })),
        ).toMatchObject({
          ok: true,
          rows: sealedRowsOf(manifest),
        });
      } finally {
        await reopened.close();
      }
    } finally {
      await target.drop();
    }
  });

  // Last: on SQLite it stops this process's use of the database, as restore requires of a server.
  it('round-trips every table over changed data, keeps the audit chain and refuses a newer schema', {
    timeout: 180_000,
  }, async () => {
    await buildData(env, '备份网格乙');
    // The backup seals what waits first; sealed already, the rows compare equal after a restore.
    await sealAuditChains(env.ctx, { wait: true });
    const original = await contents(env.database);
    const file = env.file('round-trip.backup');
    const backup = await lianxin(env.cliEnv(), 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Backup written');
    const { manifest } = readBackupManifest(file);
    expect(manifest.dialect).toBe(env.dialect);
    expect(manifest.migrations).toContain('0008-audit-mac');
    expect(sealedRowsOf(manifest)).toBe(original.audit_log!.rows);

    // Change and delete data after the backup.
    const admin = await env.loginAdmin();
    await env.inject('POST', `/api/regions/${QINGNIAN}/children`, {
      cookie: admin,
      body: { kind: 'grid', name: '备份之后' },
    });
    await env.database.db.updateTable('users').set({ display_name: '改过' }).execute();
    await env.database.db.deleteFrom('sessions').execute();
    const changed = await contents(env.database);
    expect(changed).not.toEqual(original);

    const refused = await lianxin(env.cliEnv(), 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('目标数据库不是空的');

    const future = env.file('future.backup');
    rewriteManifest(file, future, (m) => {
      m.migrations = [...(m.migrations as string[]), '9999-from-the-future'];
    });
    const newer = await lianxin(env.cliEnv(), 'restore', future, '--force');
    expect(newer.code).toBe(1);
    expect(newer.stderr).toContain('9999-from-the-future');
    const truncated = env.file('truncated.backup');
    fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, fs.statSync(file).size - 100));
    const damaged = await lianxin(env.cliEnv(), 'restore', truncated, '--force');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('损坏');
    expect(await contents(env.database)).toEqual(changed);

    // Restore is done with the server stopped: on SQLite this process lets go of the file.
    if (env.dialect === 'sqlite') await env.database.close();
    const restored = await lianxin(env.cliEnv(), 'restore', file, '--force');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/审计链完整：共 \d+ 行/);
    const database =
      env.dialect === 'sqlite'
        ? openDatabase({ dataDir: env.config.dataDir, databaseUrl: undefined })
        : env.database;
    try {
      expect(await contents(database)).toEqual(original);
      // The anchor is put back to the backup's head: the later rows were undone on purpose.
      expect(await verifyAuditChain(database.db, anchorOf(env.config))).toEqual({
        ok: true,
        rows: sealedRowsOf(manifest),
        unsealed: 0,
      });
      const head = JSON.parse(fs.readFileSync(path.join(env.config.dataDir, AUDIT_HEAD_FILE), 'utf8'));
      expect(head.districts).toEqual(manifestHeads(manifest).districts);
      const verify = await lianxin(env.cliEnv(), 'audit', 'verify');
      expect(verify.code).toBe(0);
    } finally {
      if (database !== env.database) await database.close();
    }
  });
});
