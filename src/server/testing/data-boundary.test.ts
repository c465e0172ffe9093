import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, isInsideBoundary, violationsIn } from './data-boundary.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the data boundary: only the data layer builds queries', () => {
  it('holds over src/server: no file outside db/, repositories, scope.ts and test code touches Kysely', () => {
    expect(boundaryViolations(root)).toEqual([]);
  });

  it('knows which files are inside', () => {
    for (const file of [
      'src/server/db/database.ts',
      'src/server/db/migrations/0009-anything.ts',
      'src/server/modules/notifications/outbox.repository.ts',
      'src/server/demo/demo.repository.ts',
      'src/server/auth/scope.ts',
      'src/server/modules/work-orders/work-orders.scope.test.ts',
      'src/server/testing/test-env.ts',
      'src/server/modules/work-orders/testing.ts',
    ])
      expect(isInsideBoundary(file), file).toBe(true);
    for (const file of [
      'src/server/modules/notifications/dispatcher.ts',
      'src/server/modules/work-orders/work-orders.service.ts',
      'src/server/auth/permissions.ts',
      'src/server/demo/demo-population.ts',
      'src/server/backup/postgres-backup.ts',
    ])
      expect(isInsideBoundary(file), file).toBe(false);
  });

  // A deliberate violation: the same text a service might hold, checked as a service and as a
  // repository. The rule must fail the first and pass the second.
  const service = 'src/server/modules/example/example.service.ts';
  const violating = [
    "import { sql } from 'kysely';",
    "import type { Insertable } from 'kysely';",
    'export async function lastSeen(db: Executor, id: string) {',
    "  // selectFrom('users') in a comment is no query",
    "  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();",
    "  await trx.updateTable('users').set({ seen: sql`now()` }).execute();",
    "  await db.insertInto('log').values({ id }).execute();",
    "  await db.deleteFrom('log').execute();",
    "  const t: import('kysely').Kysely<DB> = db;",
    "  await db.schema.dropTable('log').execute();",
    '  return row;',
    '}',
  ].join('\n');

  it('fails a service that imports Kysely or builds a query, naming file, line and what', () => {
    expect(violationsIn(service, violating)).toEqual([
      { file: service, line: 1, what: "imports from 'kysely'" },
      { file: service, line: 2, what: "imports from 'kysely'" },
      { file: service, line: 5, what: 'builds a query (.selectFrom)' },
      { file: service, line: 6, what: 'builds a query (.updateTable)' },
      { file: service, line: 6, what: 'writes raw SQL (sql`…`)' },
      { file: service, line: 7, what: 'builds a query (.insertInto)' },
      { file: service, line: 8, what: 'builds a query (.deleteFrom)' },
      { file: service, line: 9, what: "a type from import('kysely')" },
      { file: service, line: 10, what: 'changes the schema (.schema.dropTable)' },
    ]);
  });

  it('lets the same text stand in a repository, and a transaction stay in a service', () => {
    expect(violationsIn('src/server/modules/example/example.repository.ts', violating)).toEqual([]);
    const transaction = [
      "import { exampleRepository } from './example.repository.js';",
      'export const touch = (db: Database, id: string) =>',
      '  db.transaction().execute((trx) => exampleRepository.touch(trx, id));',
    ].join('\n');
    expect(violationsIn(service, transaction)).toEqual([]);
  });
});
