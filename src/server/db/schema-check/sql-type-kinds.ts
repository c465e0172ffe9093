import type { Dialect } from '../database.js';
import type { TsKind } from './shapes.js';

/**
 * Which TypeScript kinds the driver of each dialect hands back for a SQL type; undefined when no
 * rule exists yet, which the check reports so that a new SQL type gets a rule instead of a pass.
 */
export function kindsForSqlType(dialect: Dialect, sqlType: string): readonly TsKind[] | undefined {
  return dialect === 'sqlite' ? sqliteKinds(sqlType) : postgresKinds(sqlType);
}

/** SQLite decides by type affinity (https://sqlite.org/datatype3.html §3.1), in this order. */
function sqliteKinds(declared: string): readonly TsKind[] {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return ['number']; // better-sqlite3 without safeIntegers: number
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return ['string'];
  if (type.includes('BLOB') || type === '') return ['Buffer'];
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return ['number'];
  // NUMERIC affinity keeps a value that does not look like a number as text (e.g. a date).
  return ['number', 'string'];
}

const POSTGRES: Record<string, readonly TsKind[]> = {
  'character varying': ['string'],
  character: ['string'],
  text: ['string'],
  uuid: ['string'],
  // database.ts parses timestamptz into the ISO string SQLite stores.
  'timestamp with time zone': ['string'],
  'timestamp without time zone': ['Date'],
  date: ['Date'],
  smallint: ['number'],
  integer: ['number'],
  // database.ts parses int8 into a number.
  bigint: ['number'],
  real: ['number'],
  'double precision': ['number'],
  // pg returns numeric as text: no parser in database.ts turns it into a number.
  numeric: ['string'],
  boolean: ['boolean'],
  bytea: ['Buffer'],
  json: ['object', 'unknown', 'string', 'number', 'boolean'],
  jsonb: ['object', 'unknown', 'string', 'number', 'boolean'],
};

function postgresKinds(dataType: string): readonly TsKind[] | undefined {
  return POSTGRES[dataType.toLowerCase()];
}
