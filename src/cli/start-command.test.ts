import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { resolveWorkers, WorkersError } from './start-command.js';

const bin = path.resolve(import.meta.dirname, '../../bin/lianxin.mjs');
const sqlite = loadConfig({ LIANXIN_DATA_DIR: os.tmpdir() });
const postgres = loadConfig({ LIANXIN_DATA_DIR: os.tmpdir(), DATABASE_URL: 'postgres://127.0.0.1/x' });
const zh = { LANG: 'zh_CN.UTF-8' };
const en = { LANG: 'en_US.UTF-8' };

describe('lianxin start --workers', () => {
  it('takes a positive whole number, from the option or LIANXIN_WORKERS', () => {
    expect(resolveWorkers(undefined, sqlite, zh)).toBe(1);
    expect(resolveWorkers('1', sqlite, zh)).toBe(1);
    expect(resolveWorkers('4', postgres, zh)).toBe(4);
    expect(
      resolveWorkers(undefined, loadConfig({ DATABASE_URL: 'postgres://h/x', LIANXIN_WORKERS: '3' }), zh),
    ).toBe(3);
  });

  it('refuses what is not a positive whole number, naming the option', () => {
    for (const bad of ['0', '-2', '1.5', 'two', '', '65'])
      expect(() => resolveWorkers(bad, postgres, en)).toThrow(new RegExp(`^--workers ${bad}:`));
    expect(() => resolveWorkers('0', postgres, zh)).toThrow('进程数必须是不小于 1 的整数');
    expect(() => loadConfig({ LIANXIN_WORKERS: 'many' })).toThrow(/LIANXIN_WORKERS: must be a whole number/);
    expect(() => loadConfig({ LIANXIN_WORKERS: '0' })).toThrow(/LIANXIN_WORKERS: must be a whole number/);
  });

  it('refuses more than one process on SQLite, saying why, in the operator’s language', () => {
    expect(() => resolveWorkers('2', sqlite, zh)).toThrow(WorkersError);
    expect(() => resolveWorkers('2', sqlite, zh)).toThrow('SQLite 数据库只允许一个写入进程');
    expect(() => resolveWorkers('2', sqlite, en)).toThrow(
      '--workers 2: an SQLite database allows one writing process',
    );
    const fromEnv = loadConfig({ LIANXIN_WORKERS: '3' });
    expect(() => resolveWorkers(undefined, fromEnv, en)).toThrow(/^LIANXIN_WORKERS 3: an SQLite database/);
  });

  it('exits non-zero with the message before serving anything', { timeout: 60_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-workers-'));
    try {
      const failed = await promisify(execFile)(
        process.execPath,
        [bin, 'start', '--no-build', '--workers', '2'],
        {
          env: { PATH: process.env.PATH, LIANXIN_DATA_DIR: dataDir, LANG: 'zh_CN.UTF-8' },
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('lianxin: --workers 2：SQLite 数据库只允许一个写入进程');
      // Refused before the database was touched.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
