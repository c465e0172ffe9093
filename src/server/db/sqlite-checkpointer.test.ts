import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';

describe('SQLite checkpoints in a worker thread', () => {
  let dataDir: string;
  let database: Database;
  let errors: string[];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-checkpoint-'));
    errors = [];
    database = openDatabase({
      dataDir,
      databaseUrl: undefined,
      onCheckpointError: (message) => errors.push(message),
    });
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const file = () => database.sqliteFile!;
  const fill = async (rows: number) => {
    await sql`create table if not exists filler (id integer primary key, body text not null)`.execute(
      database.db,
    );
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows; i++)
        await sql`insert into filler (body) values (${'x'.repeat(500)})`.execute(trx);
    });
  };

  it('copies committed pages into the database file while the server connection only appends', async () => {
    const before = fs.statSync(file()).size;
    // About 250 pages: far below the connection's own automatic checkpoint (4,000 pages).
    await fill(2000);
    let size = fs.statSync(file()).size;
    for (let waited = 0; size <= before && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      size = fs.statSync(file()).size;
    }
    expect(size).toBeGreaterThan(before + 500 * 1000);
    await database.close();
    expect(errors).toEqual([]);
  });

  it('leaves a whole database and no log behind when closed', async () => {
    await fill(300);
    await database.close();
    expect(fs.existsSync(`${file()}-wal`)).toBe(false);
    const reader = new SqliteDatabase(file(), { readonly: true });
    expect(reader.prepare('select count(*) as n from filler').get()).toEqual({ n: 300 });
    reader.close();
  });
});
