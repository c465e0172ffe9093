/*
 * The two descriptions the table-types check compares: what the TypeScript row types say
 * (read with the compiler API) and what the migrated database holds. Plain data, so the
 * comparer can be tested on a deliberately wrong description without a database.
 */

/** What a TypeScript column type can hold, reduced to the kinds a database driver returns. */
export type TsKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'bigint'
  | 'Date'
  | 'Buffer'
  | 'object'
  | 'unknown'
  | 'undefined';

export interface TypeColumn {
  /** The non-null kinds of the select type (`'a' | 'b'` → string). */
  kinds: TsKind[];
  /** The select type includes `null`. */
  nullable: boolean;
  /** An insert may leave the column out (Generated<>, or a ColumnType whose insert type allows undefined/never). */
  insertOptional: boolean;
  /** The property is declared with `?`: Kysely row types never are. */
  optionalProperty: boolean;
  /** The type as the compiler prints it, for messages. */
  text: string;
}

export interface SchemaColumn {
  /** The declared type (SQLite) or information_schema data_type (PostgreSQL), lower case. */
  sqlType: string;
  nullable: boolean;
  /** A default, an identity, or SQLite's rowid alias fills the column when an insert leaves it out. */
  hasDefault: boolean;
}

export type TypeTables = Record<string, Record<string, TypeColumn>>;
export type SchemaTables = Record<string, Record<string, SchemaColumn>>;
