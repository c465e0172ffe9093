import { expect, it } from 'vitest';
import type { z } from 'zod';
import { translate } from '../i18n/messages.js';
import type { TestEnv, TestResponse } from './test-env.js';

/**
 * The walk over a paging list, shared by the pagination test files: pages of two hold each row
 * once, with no gap, in the order of one big page, and a cursor the list did not make is the one
 * field error. `WALKED_ROUTES` names what each file walks, so pagination.test.ts can require a walk
 * of every paged GET route the app declares.
 */

/** The paged GET routes (as declared, with `:params`) each walking test file walks. */
export const WALKED_ROUTES = {
  'pagination.test.ts': [
    '/api/audit',
    '/api/coverage/:code/uncovered',
    '/api/persons',
    '/api/portal/requests',
    '/api/users',
    '/api/work-orders',
  ],
  'pagination-programs.test.ts': [
    '/api/me/visit-targets',
    '/api/visit-campaigns',
    '/api/visit-change-requests',
    '/api/visit-targets',
    '/api/visits',
    '/api/volunteer-activities',
    '/api/volunteer-teams',
    '/api/volunteers',
  ],
  'pagination-timebank.test.ts': [
    '/api/portal/me/timebank/items',
    '/api/portal/me/timebank/orders',
    '/api/portal/me/timebank/posts',
    '/api/timebank/accounts',
    '/api/timebank/items',
    '/api/timebank/posts',
  ],
  'pagination-loans.test.ts': ['/api/loan-applications'],
  'pagination-funds.test.ts': ['/api/dues-arrears', '/api/organizations/:id/fund-vouchers'],
  'pagination-pairings.test.ts': [
    '/api/collectives',
    '/api/collectives/:id/shareholders',
    '/api/dividend-runs/:id/payouts',
    '/api/pairing-coverage/uncovered',
    '/api/pairings',
  ],
  'pagination-jobs.test.ts': [
    '/api/job-recommendations',
    '/api/job-seekers',
    '/api/job-seekers/candidates',
    '/api/jobs',
    '/api/my-enterprise/jobs',
    '/api/my-enterprise/recommendations',
  ],
  'pagination-training.test.ts': ['/api/training-courses', '/api/training-follow-ups'],
  'pagination-relocation.test.ts': ['/api/relocation-cases'],
  'pagination-meetings.test.ts': ['/api/meeting-tasks', '/api/meetings'],
  'pagination-surveys.test.ts': ['/api/surveys', '/api/surveys/:id/sample'],
  'pagination-worklogs.test.ts': ['/api/contact-points', '/api/work-logs'],
  'pagination-job-fairs.test.ts': ['/api/job-fairs', '/api/my-enterprise/job-fairs'],
} as const satisfies Record<string, readonly string[]>;

export type WalkingFile = keyof typeof WALKED_ROUTES;

export interface PagedList {
  name: string;
  /** The route as the app declares it (`/api/coverage/:code/uncovered`): what the walk covers. */
  route: string;
  /** The list's URL with its filters; `limit` and `cursor` are appended. */
  url: string;
  cookie: () => string;
  /** How many rows one big page may hold (the list's maximum limit). */
  max: number;
  /** One page read with the list's shared page schema (the one the web parses with): each row's key. */
  read: (response: TestResponse) => { keys: string[]; nextCursor: string | null };
  /** The route's own order of the keys, where the walk should hold the list to it. */
  order?: (a: string, b: string) => number;
}

type Page<Row> = z.ZodType<{ items: Row[]; nextCursor: string | null }>;

/** A page whose rows have no `id`: each row's key is made from its fields. */
export const byKey =
  <Row>(schema: Page<Row>, keyOf: (row: Row) => string): PagedList['read'] =>
  (response) => {
    const page = response.body(schema);
    return { keys: page.items.map(keyOf), nextCursor: page.nextCursor };
  };

/** A page whose rows are known by their id. */
export const byId = (schema: Page<{ id: string }>): PagedList['read'] => byKey(schema, (row) => row.id);

/** Keys that are ids ordered by the database as text; ids are time-ordered, so descending is newest first. */
export const idsAscending = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const idsDescending = (a: string, b: string): number => idsAscending(b, a);

/** A cursor as base64url JSON, the way the server makes one (or an impostor, with other values). */
export const rawCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const withParams = (url: string, params: string) => `${url}${url.endsWith('?') ? '' : '&'}${params}`;

/** The route's pattern as a regular expression over the URL's path (`:code` is one segment). */
const routePattern = (route: string) =>
  new RegExp(`^${route.replace(/\./g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

/** Pages of two hold each row once, no gaps, the same rows in the same order as one big page. */
export async function walkPageByPage(env: TestEnv, list: PagedList): Promise<void> {
  expect(list.url.split('?')[0]).toMatch(routePattern(list.route));
  const whole = await env.inject('GET', withParams(list.url, `limit=${list.max}`), { cookie: list.cookie() });
  expect(whole.status).toBe(200);
  const onePage = list.read(whole);
  expect(onePage.nextCursor).toBeNull();
  const everything = onePage.keys;
  expect(everything.length).toBeGreaterThan(2);
  if (list.order) expect(everything).toEqual([...everything].sort(list.order));

  const walked: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await env.inject('GET', withParams(list.url, params), { cookie: list.cookie() });
    expect(response.status).toBe(200);
    const page = list.read(response);
    expect(page.keys.length).toBeLessThanOrEqual(2);
    // limit + 1: a page that says there is more is never followed by an empty one.
    if (page.nextCursor) expect(page.keys).toHaveLength(2);
    walked.push(...page.keys);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  expect(pages).toBe(Math.ceil(everything.length / 2));
  expect(new Set(walked).size).toBe(walked.length);
  expect(walked).toEqual(everything);
}

/** A garbage, foreign or too long cursor is the one field error `querystring.cursor`, never a 500. */
export async function refuseForeignCursors(env: TestEnv, list: PagedList): Promise<void> {
  const foreign = encodeURIComponent(rawCursor([1, 'a', 'b', 'c']));
  for (const cursor of ['garbage', foreign, encodeURIComponent(rawCursor([1, '\u0000']))]) {
    const response = await env.inject('GET', withParams(list.url, `cursor=${cursor}`), {
      cookie: list.cookie(),
    });
    expect(response.status).toBe(400);
    expect(response.error.code).toBe('request.validation');
    expect(response.error.fields).toEqual([
      { path: 'querystring.cursor', message: translate('field.invalid', 'zh') },
    ]);
  }
  const tooLong = await env.inject('GET', withParams(list.url, `cursor=${'x'.repeat(201)}`), {
    cookie: list.cookie(),
  });
  expect(tooLong.status).toBe(400);
  expect(tooLong.error.fields?.map((field) => field.path)).toEqual(['querystring.cursor']);
}

/**
 * The tests of one walking file: each list walked and its cursor checked, and the file walks
 * exactly the routes `WALKED_ROUTES` names for it (the completeness test trusts that list).
 */
export function walkEachList(env: TestEnv, file: WalkingFile, lists: readonly PagedList[]): void {
  it(`walks exactly the routes WALKED_ROUTES names for ${file}`, () => {
    const named: readonly string[] = WALKED_ROUTES[file];
    const walked = new Set(lists.map((list) => list.route));
    expect(
      named.filter((route) => !walked.has(route)),
      `named for ${file} in WALKED_ROUTES but not walked there`,
    ).toEqual([]);
    expect(
      [...walked].filter((route) => !named.includes(route)),
      `walked in ${file} but not named for it in WALKED_ROUTES`,
    ).toEqual([]);
  });
  for (const list of lists) {
    it(`${list.name}: pages of two hold each row once, no gaps, the same set as one big page`, () =>
      walkPageByPage(env, list));
    it(`${list.name}: a garbage or foreign cursor is the one field error`, () =>
      refuseForeignCursors(env, list));
  }
}

/** Paged GET routes the app declares that no walking file walks (each named by its URL). */
export function unwalkedPagedRoutes(env: TestEnv): string[] {
  const walked = new Set<string>(Object.values(WALKED_ROUTES).flat());
  return env.app
    .declaredRoutes()
    .filter((route) => route.paged && route.method === 'GET' && !walked.has(route.url))
    .map((route) => route.url);
}

/** Routes a walking file names that the app no longer declares as paged GET lists. */
export function walkedButNotPaged(env: TestEnv): string[] {
  const paged = new Set(
    env.app
      .declaredRoutes()
      .filter((route) => route.paged && route.method === 'GET')
      .map((route) => route.url),
  );
  return Object.values(WALKED_ROUTES)
    .flat()
    .filter((url) => !paged.has(url));
}
