import { fieldError } from './errors.js';

/**
 * Keyset pages, the one way every list pages. A cursor is opaque to clients: base64url of the JSON
 * array `[version, ...sort-key values of the last row shown]`. The version lets the format change
 * later without misreading cursors that browsers still hold.
 */
const CURSOR_VERSION = 1;

// The query parameter every paging list accepts; its schema is shared with the web (src/shared/api/common.ts).
export { cursorParam } from '../../shared/api/common.js';

/**
 * What one sort-key value may be. Each is checked strictly, because a value that reaches SQL in
 * the wrong shape is a database error (a 500) on PostgreSQL rather than an empty page:
 * - `text`: an id or a region code (letters, digits, `-`, `_`, `.`), never a control character;
 * - `time`: an ISO instant as the database hands timestamps back (compared with `timestamptz`);
 * - `int`: a non-negative safe integer (compared with a `bigint`).
 */
export type KeyKind = 'text' | 'time' | 'int';
type KeyValue<K extends KeyKind> = K extends 'int' ? number : string;
export type CursorKey<K extends readonly KeyKind[]> = { -readonly [I in keyof K]: KeyValue<K[I]> };

const TEXT = /^[\w.-]{1,64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

const fits = (kind: KeyKind, value: unknown): boolean => {
  if (kind === 'int') return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (typeof value !== 'string') return false;
  if (kind === 'time') return TIME.test(value) && !Number.isNaN(Date.parse(value));
  return TEXT.test(value);
};

export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify([CURSOR_VERSION, ...key])).toString('base64url');

/**
 * The sort key a cursor stands for, or undefined without a cursor. A cursor we did not make
 * (malformed, tampered, another version or shape) is the one field error `querystring.cursor`,
 * named as the schema names query parameters, so every list refuses it alike.
 */
export function decodeCursor<const K extends readonly KeyKind[]>(
  cursor: string | undefined,
  kinds: K,
): CursorKey<K> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== kinds.length + 1 ||
    parsed[0] !== CURSOR_VERSION ||
    !kinds.every((kind, i) => fits(kind, parsed[i + 1]))
  ) {
    throw fieldError('querystring.cursor', 'field.invalid');
  }
  return parsed.slice(1) as CursorKey<K>;
}

/**
 * One page from rows fetched with `limit + 1`: the extra row only says that there is more, so the
 * last page never ends with an empty "next" page.
 */
export function page<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (last: T) => readonly (string | number)[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/**
 * The common list: rows ordered by their id, the cursor the last id shown. Decodes the cursor,
 * asks `fetch` for the rows after it (the repository reads `limit + 1`, as `page` expects) and
 * pages them, so a list by id is written one way everywhere.
 */
export async function pageById<T extends { id: string }>(
  query: { cursor?: string | undefined; limit: number },
  fetch: (after: string | undefined, limit: number) => Promise<readonly T[]>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, ['text'] as const)?.[0];
  return page(await fetch(after, query.limit), query.limit, (last) => [last.id]);
}
