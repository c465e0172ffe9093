import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { DomainError } from '../http/errors.js';
import { chainLink, type SchemaState } from './schema-state.js';

/** All remaining pages in one step: a busy server cannot make the copy restart forever. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database with SQLite's online backup API through a connection of its own: the
 * copy is one consistent snapshot, and in WAL mode the server's writers go on meanwhile.
 */
export async function dumpSqlite(sqliteFile: string, payload: string): Promise<SchemaState> {
  const source = new SqliteDatabase(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(payload, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  return readSqliteState(payload);
}

export function readSqliteState(file: string): SchemaState {
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const migrations = copy
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all() as string[];
    const head = copy.prepare('select seq, hash from audit_head where id = 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const row = head
      ? (copy.prepare('select * from audit_log where seq = ?').get(head.seq) as { mac?: string | null })
      : undefined;
    // A database from before migration 0023 has no district chains.
    const hasDistrictChains = copy
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_chain_heads'")
      .get();
    const districts = hasDistrictChains
      ? (copy
          .prepare('select district_code, link, hash, mac from audit_chain_heads where link > 0')
          .all() as {
          district_code: string;
          link: number;
          hash: string;
          mac: string | null;
        }[])
      : [];
    return {
      migrations,
      auditHeads: {
        legacy: chainLink(head, row),
        districts: Object.fromEntries(
          districts.map((d) => [d.district_code, { seq: Number(d.link), hash: d.hash, mac: d.mac }]),
        ),
      },
    };
  } finally {
    copy.close();
  }
}

/** No database file yet, or one without a single table. */
export function sqliteIsEmpty(sqliteFile: string): boolean {
  if (!fs.existsSync(sqliteFile)) return true;
  const db = new SqliteDatabase(sqliteFile, { readonly: true });
  try {
    const tables = db
      .prepare("select count(*) from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .pluck()
      .get() as number;
    return tables === 0;
  } finally {
    db.close();
  }
}

/**
 * Puts the restored file in place of the database with one rename. The payload must lie in the
 * same directory. The old database's write-ahead log is checkpointed and removed first, so it
 * cannot be replayed into the new file. The server must be stopped: its open connection would
 * keep writing to the replaced file.
 */
export function restoreSqlite(payload: string, sqliteFile: string): void {
  const copy = new SqliteDatabase(payload, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new DomainError('backup.damaged', 400, { file: payload });
  } finally {
    copy.close();
  }
  if (fs.existsSync(sqliteFile)) {
    const current = new SqliteDatabase(sqliteFile);
    try {
      current.pragma('busy_timeout = 5000');
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
  }
  fs.renameSync(payload, sqliteFile);
  fs.chmodSync(sqliteFile, 0o600);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${sqliteFile}${suffix}`, { force: true });
}
