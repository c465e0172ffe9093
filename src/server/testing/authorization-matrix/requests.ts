import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { MatrixRow, SampleIds } from '../../http/authorization-matrix.js';
import { multipartFile } from '../multipart.js';
import type { TestEnv } from '../test-env.js';
import { type MatrixWorld, type Params, PLACEHOLDER_ID, PLACEHOLDERS } from './world.js';

/** How the authorization matrix test calls a route, reads its answer and sees whether anything was written. */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Tables that change on any request (logs, sessions, caches): left out of the "nothing written" check. */
const VOLATILE_TABLES = new Set([
  'audit_log',
  'audit_head',
  'audit_chain_heads',
  'sessions',
  'login_throttle',
  'otp_codes',
  'resident_sessions',
  'region_stats',
  'region_rollups',
  'region_rollup_deltas',
  'rollup_marks',
]);

export const routeKey = (method: string, url: string) => `${method.split(',').at(-1)} ${url}`;
const splitKey = (key: string) => {
  const [method, url] = key.split(' ') as [Method, string];
  return { method, url };
};
export const fillPath = (url: string, params: Params) =>
  url
    .replace(/:(\w+)/g, (_, name: string) => params[name] ?? PLACEHOLDERS[name] ?? PLACEHOLDER_ID)
    .replace('*', 'nothing.js');

export const fontMissing = (response: { statusCode: number; body: string }) =>
  response.statusCode === 503 && response.body.includes('cockpit.pdf_font_missing');

/** A refusal without its request id: status, code and the fields it names. */
export const refusalOf = (response: { statusCode: number; json: () => unknown }) => {
  const { code, fields } = response.json() as { code?: string; fields?: unknown };
  return `${response.statusCode} ${code} ${JSON.stringify(fields)}`;
};

/** A 5xx is a defect, except the PDF report's documented 503 when the host lacks a Chinese font. */
export const serverError = (response: { statusCode: number; body: string }) =>
  response.statusCode >= 500 && !fontMissing(response);

/** Calls a route as its matrix row says (body, upload), and digests the data to see writes. */
export function matrixRequests(env: TestEnv, m: MatrixWorld) {
  const send = async (
    key: string,
    row: MatrixRow,
    cookie: string,
    params: Params,
    ids: SampleIds,
    query = '',
  ) => {
    const { method, url: path } = splitKey(key);
    const url = `${path}${query}`;
    if (row.upload) {
      const form = multipartFile(m.photo);
      return env.app.inject({
        method,
        url: fillPath(url, params),
        headers: { ...form.headers, cookie },
        payload: form.payload,
      });
    }
    const body = row.body?.(ids);
    return env.app.inject({
      method,
      url: fillPath(url, params),
      headers: { cookie },
      ...(body !== undefined ? { payload: body as object } : method === 'GET' ? {} : { payload: {} }),
    });
  };

  /** Every table of the schema (a new module's tables too), but the volatile ones and Kysely's own. */
  let tables: string[] = [];
  /** A digest of every row of every such table: the same before and after means nothing was written. */
  const checksum = async (): Promise<string> => {
    const db = env.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    if (tables.length === 0)
      tables = (await env.database.db.introspection.getTables())
        .map((table) => table.name)
        .filter((name) => !VOLATILE_TABLES.has(name) && !name.startsWith('kysely_'))
        .sort();
    expect(tables).toContain('persons');
    const hash = createHash('sha256');
    for (const table of tables) {
      const rows = await db.selectFrom(table).selectAll().execute();
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      hash.update(`${table}:${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
  };
  return { send, checksum };
}
