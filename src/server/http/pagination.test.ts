import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditPageSchema } from '../../shared/api/audit.js';
import { uncoveredPageSchema } from '../../shared/api/organizations.js';
import { requestPageSchema } from '../../shared/api/portal.js';
import { personPageSchema } from '../../shared/api/register.js';
import { managedUserPageSchema } from '../../shared/api/users.js';
import { workOrderPageSchema } from '../../shared/api/work-orders.js';
import { translate } from '../i18n/messages.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import { newPhone, residentLogin } from '../modules/portal/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../modules/work-orders/testing.js';
import { DISTRICT, describeEachDialect, QINGNIAN, type TestResponse } from '../testing/test-env.js';
import { DomainError } from './errors.js';
import { decodeCursor, encodeCursor, page } from './pagination.js';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the one cursor', () => {
  it('round-trips the sort key of the last row, and no cursor is no key', () => {
    const cursor = encodeCursor(['2026-12-01T08:00:00.000Z', 'a-1']);
    expect(decodeCursor(cursor, ['time', 'text'])).toEqual(['2026-12-01T08:00:00.000Z', 'a-1']);
    expect(decodeCursor(encodeCursor([42]), ['int'])).toEqual([42]);
    expect(decodeCursor(undefined, ['text'])).toBeUndefined();
    expect(decodeCursor('', ['text'])).toBeUndefined();
  });

  it('refuses a cursor it did not make with the one field error querystring.cursor', () => {
    const refused = [
      'garbage',
      raw({ id: 'x' }),
      raw(['a-1']), // no version
      raw([2, 'a-1']), // another version
      raw([1, 'a-1', 'b-2']), // another list's shape
      raw([1, 'a\u0000b']), // would reach SQL as a NUL
      raw([1, "x' or 1=1"]),
      raw([1, 'y'.repeat(65)]),
    ];
    for (const cursor of refused) {
      let error: unknown;
      try {
        decodeCursor(cursor, ['text']);
      } catch (caught) {
        error = caught;
      }
      expect(error, cursor).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(400);
      expect((error as DomainError).fields).toEqual([{ path: 'querystring.cursor', code: 'field.invalid' }]);
    }
    // Values in the wrong shape would be a database error on PostgreSQL, not an empty page.
    expect(() => decodeCursor(raw([1, 'yesterday', 'a-1']), ['time', 'text'])).toThrow(DomainError);
    expect(() => decodeCursor(raw([1, 1e30]), ['int'])).toThrow(DomainError);
    expect(() => decodeCursor(raw([1, -1]), ['int'])).toThrow(DomainError);
    expect(() => decodeCursor(raw([1, '7']), ['int'])).toThrow(DomainError);
  });

  it('takes limit + 1 rows: a next cursor only when there is more', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const first = page(rows, 2, (last) => [last.id]);
    expect(first.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(first.nextCursor ?? undefined, ['text'])).toEqual(['b']);
    expect(page(rows.slice(0, 2), 2, (last) => [last.id])).toEqual({
      items: rows.slice(0, 2),
      nextCursor: null,
    });
    expect(page([], 2, (last: { id: string }) => [last.id])).toEqual({ items: [], nextCursor: null });
  });
});

interface List {
  name: string;
  /** The list's URL with its filters; `limit` and `cursor` are appended. */
  url: string;
  cookie: () => string;
  /** How many rows one big page may hold (the list's maximum limit). */
  max: number;
  /** One page read with the list's shared page schema (the one the web parses with): each row's key. */
  read: (response: TestResponse) => { keys: string[]; nextCursor: string | null };
}

type PageOfIds = z.ZodType<{ items: { id: string }[]; nextCursor: string | null }>;
/** A page whose rows are known by their id. */
const byId =
  (schema: PageOfIds): List['read'] =>
  (response) => {
    const page = response.body(schema);
    return { keys: page.items.map((item) => item.id), nextCursor: page.nextCursor };
  };

describeEachDialect('every paging list, walked page by page', (env) => {
  let world: WorkOrderWorld;
  let resident = '';
  beforeAll(async () => {
    world = await workOrderWorld(env);
    await createResidents(env, QINGNIAN, 16);
    for (let i = 0; i < 5; i++) {
      const created = await env.inject('POST', '/api/work-orders', {
        cookie: world.operator.cookie,
        body: elderlyCareOrder(world),
      });
      expect(created.status).toBe(201);
    }
    for (let i = 0; i < 4; i++) await env.createUser();
    resident = await residentLogin(env, newPhone());
    for (let i = 0; i < 5; i++) {
      const submitted = await env.inject('POST', '/api/portal/requests', {
        cookie: resident,
        body: {
          categoryCode: 'livelihood.repair',
          description: `楼道里的水管漏水，地面结冰很滑（第${i + 1}处）`,
          regionCode: world.gridCode,
          address: '1号楼2单元',
        },
      });
      expect(submitted.status).toBe(201);
    }
  });

  const lists: List[] = [
    {
      name: 'all work orders (newest first)',
      url: '/api/work-orders?view=all',
      cookie: () => world.admin,
      max: 200,
      read: byId(workOrderPageSchema),
    },
    {
      name: 'my work orders (by deadline)',
      url: '/api/work-orders?view=mine',
      cookie: () => world.secretary.cookie,
      max: 200,
      read: byId(workOrderPageSchema),
    },
    {
      name: 'persons',
      url: '/api/persons?',
      cookie: () => world.admin,
      max: 200,
      read: byId(personPageSchema),
    },
    {
      name: 'households without care',
      url: `/api/coverage/${DISTRICT}/uncovered?`,
      cookie: () => world.admin,
      max: 200,
      read: byId(uncoveredPageSchema),
    },
    {
      name: 'users',
      url: '/api/users?',
      cookie: () => world.admin,
      max: 200,
      read: byId(managedUserPageSchema),
    },
    {
      name: 'audit log',
      url: '/api/audit?action=auth.',
      cookie: () => world.admin,
      max: 200,
      read: (response) => {
        const page = response.body(auditPageSchema);
        return { keys: page.items.map((entry) => String(entry.seq)), nextCursor: page.nextCursor };
      },
    },
    {
      name: 'portal requests',
      url: '/api/portal/requests?',
      cookie: () => resident,
      max: 50,
      read: byId(requestPageSchema),
    },
  ];
  const withParams = (url: string, params: string) => `${url}${url.endsWith('?') ? '' : '&'}${params}`;

  for (const list of lists) {
    it(`${list.name}: pages of two hold each row once, no gaps, the same set as one big page`, async () => {
      const whole = await env.inject('GET', withParams(list.url, `limit=${list.max}`), {
        cookie: list.cookie(),
      });
      expect(whole.status).toBe(200);
      const onePage = list.read(whole);
      expect(onePage.nextCursor).toBeNull();
      const everything = onePage.keys;
      expect(everything.length).toBeGreaterThan(2);

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
    });

    it(`${list.name}: a garbage or foreign cursor is the one field error`, async () => {
      const foreign = encodeURIComponent(raw([1, 'a', 'b', 'c']));
      for (const cursor of ['garbage', foreign, encodeURIComponent(raw([1, '\u0000']))]) {
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
    });
  }
});
