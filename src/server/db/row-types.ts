/**
 * The shapes of rows as written (`Insertable`: generated and defaulted columns optional) and of
 * changes to them (`Updateable`), for code outside the data boundary that builds rows for a
 * repository or a bulk writer (the importer, the demo generators, the actions service). Types only:
 * everything that builds a query stays in db/ and the repositories (`data-boundary.test.ts`).
 */
export type { ColumnType, Generated, Insertable, Updateable } from 'kysely';
