import { beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../shared/api/audit.js';
import { uncoveredPageSchema } from '../../shared/api/organizations.js';
import { requestPageSchema } from '../../shared/api/portal.js';
import { personPageSchema } from '../../shared/api/register.js';
import { managedUserPageSchema } from '../../shared/api/users.js';
import { workOrderPageSchema } from '../../shared/api/work-orders.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import { newPhone, residentLogin } from '../modules/portal/testing.js';
import { elderlyCareOrder, type WorkOrderWorld, workOrderWorld } from '../modules/work-orders/testing.js';
import {
  byId,
  byKey,
  type PagedList,
  rawCursor,
  unwalkedPagedRoutes,
  walkEachList,
  walkedButNotPaged,
} from '../testing/page-walk.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../testing/test-env.js';
import { DomainError } from './errors.js';
import { decodeCursor, encodeCursor, page } from './pagination.js';

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
      rawCursor({ id: 'x' }),
      rawCursor(['a-1']), // no version
      rawCursor([2, 'a-1']), // another version
      rawCursor([1, 'a-1', 'b-2']), // another list's shape
      rawCursor([1, 'a\u0000b']), // would reach SQL as a NUL
      rawCursor([1, "x' or 1=1"]),
      rawCursor([1, 'y'.repeat(65)]),
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
    expect(() => decodeCursor(rawCursor([1, 'yesterday', 'a-1']), ['time', 'text'])).toThrow(DomainError);
    expect(() => decodeCursor(rawCursor([1, 1e30]), ['int'])).toThrow(DomainError);
    expect(() => decodeCursor(rawCursor([1, -1]), ['int'])).toThrow(DomainError);
    expect(() => decodeCursor(rawCursor([1, '7']), ['int'])).toThrow(DomainError);
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

  const lists: PagedList[] = [
    {
      name: 'all work orders (newest first)',
      route: '/api/work-orders',
      url: '/api/work-orders?view=all',
      cookie: () => world.admin,
      max: 200,
      read: byId(workOrderPageSchema),
    },
    {
      name: 'my work orders (by deadline)',
      route: '/api/work-orders',
      url: '/api/work-orders?view=mine',
      cookie: () => world.secretary.cookie,
      max: 200,
      read: byId(workOrderPageSchema),
    },
    {
      name: 'persons',
      route: '/api/persons',
      url: '/api/persons?',
      cookie: () => world.admin,
      max: 200,
      read: byId(personPageSchema),
    },
    {
      name: 'households without care',
      route: '/api/coverage/:code/uncovered',
      url: `/api/coverage/${DISTRICT}/uncovered?`,
      cookie: () => world.admin,
      max: 200,
      read: byId(uncoveredPageSchema),
    },
    {
      name: 'users',
      route: '/api/users',
      url: '/api/users?',
      cookie: () => world.admin,
      max: 200,
      read: byId(managedUserPageSchema),
    },
    {
      name: 'audit log',
      route: '/api/audit',
      url: '/api/audit?action=auth.',
      cookie: () => world.admin,
      max: 200,
      read: byKey(auditPageSchema, (entry) => String(entry.seq)),
    },
    {
      name: 'portal requests',
      route: '/api/portal/requests',
      url: '/api/portal/requests?',
      cookie: () => resident,
      max: 50,
      read: byId(requestPageSchema),
    },
  ];
  walkEachList(env, 'pagination.test.ts', lists);
});

describeEachDialect('every paging list has a walk', (env) => {
  it('walks every paged GET route the app declares: a new list without a walk fails by its URL', () => {
    expect(
      unwalkedPagedRoutes(env),
      'paged GET routes without a page-by-page walk: walk each in a pagination*.test.ts and name it in WALKED_ROUTES (src/server/testing/page-walk.ts)',
    ).toEqual([]);
    expect(walkedButNotPaged(env), 'WALKED_ROUTES names routes that are not paged GET lists').toEqual([]);
  });
});
