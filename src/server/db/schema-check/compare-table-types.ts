import type { Dialect } from '../database.js';
import type { SchemaColumn, SchemaTables, TypeColumn, TypeTables } from './shapes.js';
import { kindsForSqlType } from './sql-type-kinds.js';

/** Tables the migrator keeps for itself; they have no row type. */
export const BOOKKEEPING_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Every difference between the row types and the migrated schema, one message per problem naming
 * the table and column; an empty list means they agree.
 */
export function compareTableTypes(dialect: Dialect, types: TypeTables, schema: SchemaTables): string[] {
  const problems: string[] = [];
  const schemaTables = Object.keys(schema).filter((table) => !BOOKKEEPING_TABLES.includes(table));
  for (const table of schemaTables) {
    if (!(table in types)) problems.push(`${table}: table in the ${dialect} schema but missing from DB`);
  }
  for (const table of Object.keys(types)) {
    const columns = schema[table];
    if (!columns) {
      problems.push(`${table}: in DB but no such table in the ${dialect} schema`);
      continue;
    }
    problems.push(...compareTable(dialect, table, types[table] ?? {}, columns));
  }
  return problems;
}

function compareTable(
  dialect: Dialect,
  table: string,
  types: Record<string, TypeColumn>,
  columns: Record<string, SchemaColumn>,
): string[] {
  const problems: string[] = [];
  for (const column of Object.keys(columns)) {
    if (!(column in types))
      problems.push(`${table}.${column}: column in the ${dialect} schema but missing from the type`);
  }
  for (const [column, type] of Object.entries(types)) {
    const actual = columns[column];
    if (!actual) {
      problems.push(`${table}.${column}: in the type but no such column in the ${dialect} schema`);
      continue;
    }
    problems.push(...compareColumn(dialect, `${table}.${column}`, type, actual));
  }
  return problems;
}

function compareColumn(dialect: Dialect, name: string, type: TypeColumn, actual: SchemaColumn): string[] {
  const problems: string[] = [];
  if (type.optionalProperty) problems.push(`${name}: declared optional (?); a row always has every column`);
  if (actual.nullable && !type.nullable)
    problems.push(`${name}: nullable in the ${dialect} schema but the type (${type.text}) has no | null`);
  if (!actual.nullable && type.nullable)
    problems.push(`${name}: NOT NULL in the ${dialect} schema but the type (${type.text}) allows null`);
  if (type.insertOptional && !actual.hasDefault)
    problems.push(
      `${name}: the type lets an insert leave it out (${type.text}) but the ${dialect} column has no default`,
    );
  const accepted = kindsForSqlType(dialect, actual.sqlType);
  if (!accepted) {
    problems.push(`${name}: no rule for ${dialect} type "${actual.sqlType}" (add one to sql-type-kinds.ts)`);
    return problems;
  }
  const wrong = type.kinds.filter((kind) => !accepted.includes(kind));
  if (wrong.length > 0 || type.kinds.length === 0) {
    problems.push(
      `${name}: the type (${type.text}) does not match ${dialect} type "${actual.sqlType}", which reads as ${accepted.join(' | ')}`,
    );
  }
  return problems;
}
