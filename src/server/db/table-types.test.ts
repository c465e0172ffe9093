import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabaseHandle } from '../testing/test-database.js';
import { migrateToLatest } from './migrate.js';
import { compareTableTypes } from './schema-check/compare-table-types.js';
import { readMigratedSchema } from './schema-check/read-migrated-schema.js';
import { readTableTypes } from './schema-check/read-table-types.js';
import type { SchemaTables, TypeTables } from './schema-check/shapes.js';

/*
 * The row types in tables.ts against the schema the migrations build, on both databases: a
 * migration and its types cannot drift apart. The unit part feeds the same reader and comparer a
 * deliberately wrong description to show that each kind of drift is caught.
 */

// Read once for both dialects: building the TypeScript program is the slow part.
let realTypes: TypeTables | undefined;
const tableTypes = (): TypeTables => {
  realTypes ??= readTableTypes();
  return realTypes;
};

describe('table types vs schema: the comparer catches drift', () => {
  // In memory, next to tables.ts so that 'kysely' resolves as it does for the real file.
  const file = path.resolve(import.meta.dirname, 'in-memory-tables.ts');
  const wrongTypes = `
    import type { ColumnType, Generated } from 'kysely';
    interface ThingTable {
      id: Generated<number>;
      name: string;
      note: string | null;
      size: string;
      kind: 'small' | 'large';
      extra: string;
      created_at: ColumnType<string, string | undefined, never>;
      maybe?: number;
    }
    export interface DB { things: ThingTable; ghosts: { id: string } }
  `;
  let parsed: TypeTables | undefined;
  // A fresh copy each time: a test below edits it.
  const wrong = (): TypeTables => {
    parsed ??= readTableTypes(file, wrongTypes);
    return structuredClone(parsed);
  };
  const column = (sqlType: string, nullable = false, hasDefault = false) => ({
    sqlType,
    nullable,
    hasDefault,
  });
  const schema: SchemaTables = {
    things: {
      id: column('integer', false, true),
      name: column('varchar(50)', true),
      note: column('text'),
      size: column('integer'),
      kind: column('varchar(10)'),
      created_at: column('text'),
      maybe: column('integer'),
      forgotten: column('text'),
    },
    others: { id: column('varchar(36)') },
    kysely_migration: { name: column('varchar(255)') },
  };

  it('reads nullability, literal unions and Generated<> from the TypeScript source', () => {
    const types = wrong();
    expect(Object.keys(types)).toEqual(['things', 'ghosts']);
    expect(types.things?.id).toMatchObject({ kinds: ['number'], nullable: false, insertOptional: true });
    expect(types.things?.note).toMatchObject({ kinds: ['string'], nullable: true, insertOptional: false });
    expect(types.things?.kind).toMatchObject({ kinds: ['string'], nullable: false });
    expect(types.things?.maybe).toMatchObject({ optionalProperty: true });
  });

  it('names the table and column of every difference', () => {
    const problems = compareTableTypes('sqlite', wrong(), schema);
    expect(problems).toEqual([
      'others: table in the sqlite schema but missing from DB',
      'things.forgotten: column in the sqlite schema but missing from the type',
      'things.name: nullable in the sqlite schema but the type (string) has no | null',
      'things.note: NOT NULL in the sqlite schema but the type (string | null) allows null',
      'things.size: the type (string) does not match sqlite type "integer", which reads as number',
      'things.extra: in the type but no such column in the sqlite schema',
      'things.created_at: the type lets an insert leave it out (ColumnType<string, string | undefined, never>) but the sqlite column has no default',
      'things.maybe: declared optional (?); a row always has every column',
      'ghosts: in DB but no such table in the sqlite schema',
    ]);
  });

  it('knows what each PostgreSQL type reads as, and asks for a rule for an unknown one', () => {
    const typed = (kind: 'string' | 'number') => ({
      kinds: [kind],
      nullable: false,
      insertOptional: false,
      optionalProperty: false,
      text: kind,
    });
    const types: TypeTables = {
      t: { amount: typed('number'), big: typed('number'), at: typed('string'), shape: typed('string') },
    };
    const pgSchema: SchemaTables = {
      t: {
        amount: column('numeric'),
        big: column('bigint'),
        at: column('timestamp with time zone'),
        shape: column('geometry'),
      },
    };
    expect(compareTableTypes('postgres', types, pgSchema)).toEqual([
      't.amount: the type (number) does not match postgres type "numeric", which reads as string',
      't.shape: no rule for postgres type "geometry" (add one to sql-type-kinds.ts)',
    ]);
  });

  it('passes a description that agrees', () => {
    const types = wrong();
    const agreeing: SchemaTables = {
      things: {
        id: column('integer', false, true),
        name: column('varchar(50)'),
        note: column('text', true),
        size: column('text'),
        kind: column('varchar(10)'),
        extra: column('text'),
        created_at: column('text', false, true),
        maybe: column('integer'),
      },
      ghosts: { id: column('varchar(36)') },
    };
    delete types.things?.maybe;
    delete agreeing.things?.maybe;
    expect(compareTableTypes('sqlite', types, agreeing)).toEqual([]);
  });
});

const available = inject('dialects');
for (const dialect of ['sqlite', 'postgres'] as const) {
  const run = available.includes(dialect) ? describe : describe.skip;
  run(`table types vs schema: tables.ts matches the migrated schema [${dialect}]`, () => {
    let handle: TestDatabaseHandle;
    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      await migrateToLatest(handle.database);
    });
    afterAll(() => handle?.drop());

    it('has the same tables and columns, nullability and base types', async () => {
      const schema = await readMigratedSchema(handle.database);
      // The reader sees the migrated database, not an empty one.
      expect(Object.keys(schema)).toContain('kysely_migration');
      expect(compareTableTypes(dialect, tableTypes(), schema)).toEqual([]);
    });
  });
}
