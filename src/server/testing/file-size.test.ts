import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file stays under this many lines: one purpose per file, readable in one sitting. */
const LIMIT = 400;
const ROOT = join(import.meta.dirname, '../../..');
const FOLDERS = ['src', 'e2e', 'bench'];

/**
 * Files other helpers are splitting right now (issue 11), allowed over the limit until their
 * branches are merged; the coordinator empties this list at merge. Keep it empty otherwise.
 */
const pendingElsewhere: readonly string[] = [];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('file size', () => {
  it(`keeps every .ts and .tsx file under src/, e2e/ and bench/ under ${LIMIT} lines`, () => {
    const offenders = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)))
      .map((path) => ({ file: relative(ROOT, path), lines: lineCount(readFileSync(path, 'utf8')) }))
      .filter(({ file, lines }) => lines >= LIMIT && !pendingElsewhere.includes(file))
      .map(({ file, lines }) => `${file}: ${lines} lines`)
      .sort();
    expect(offenders, `split these by purpose into files under ${LIMIT} lines`).toEqual([]);
  });

  it('lists in pendingElsewhere only files that exist and are still too long', () => {
    const stale = pendingElsewhere.filter((file) => {
      try {
        return lineCount(readFileSync(join(ROOT, file), 'utf8')) < LIMIT;
      } catch {
        return true;
      }
    });
    expect(stale, 'remove these from pendingElsewhere').toEqual([]);
  });
});
