import { beforeAll, expect } from 'vitest';
import { portalOrderPageSchema, portalPostPageSchema } from '../../shared/api/portal.js';
import { accountListSchema, itemListSchema, postListSchema } from '../../shared/api/timebank.js';
import { createResidents } from '../modules/member-workflows/testing.js';
import { boardPostBody, linkedResident, personAccounts, stockItem } from '../modules/timebank/testing.js';
import { byId, idsAscending, idsDescending, type PagedList, walkEachList } from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

const PORTAL = '/api/portal/me/timebank';

/**
 * The time bank's paging lists, staff and resident, walked page by page on both databases: the
 * accounts, the board and the love supermarket of 青年社区, and a resident's own board, items and
 * orders, each with at least three rows made through the API.
 */
describeEachDialect('time-bank lists, walked page by page', (env) => {
  let admin = '';
  let resident = '';

  beforeAll(async () => {
    admin = await env.loginAdmin();
    const [poster] = await personAccounts(env, QINGNIAN, 3);
    const { people } = await createResidents(env, QINGNIAN, 1);
    resident = await linkedResident(env, people[0]!.id);
    const joined = await env.inject('POST', `${PORTAL}/account`, { cookie: resident });
    expect(joined.status).toBe(201);

    const items: string[] = [];
    for (const name of ['爱心大米 5 公斤', '食用油', '洗衣液'])
      items.push(await stockItem(env, admin, QINGNIAN, name));
    // The resident's board: two open posts of a neighbour and two of their own.
    for (const title of ['陪老人散步', '代买药品']) {
      const posted = await env.inject('POST', '/api/timebank/posts', {
        cookie: admin,
        body: { ...boardPostBody(env, title), accountId: poster!.id },
      });
      expect(posted.status).toBe(201);
    }
    for (const title of ['修自行车', '辅导作业']) {
      const posted = await env.inject('POST', `${PORTAL}/posts`, {
        cookie: resident,
        body: boardPostBody(env, title, 'offer'),
      });
      expect(posted.status).toBe(201);
    }
    for (const item of items) {
      const ordered = await env.inject('POST', `${PORTAL}/items/${item}/orders`, {
        cookie: resident,
        body: { quantity: 1 },
      });
      expect(ordered.status).toBe(201);
    }
  });

  const lists: PagedList[] = [
    {
      name: 'time-bank accounts',
      route: '/api/timebank/accounts',
      url: '/api/timebank/accounts?',
      cookie: () => admin,
      max: 200,
      read: byId(accountListSchema),
      order: idsAscending,
    },
    {
      name: 'the board (newest first)',
      route: '/api/timebank/posts',
      url: '/api/timebank/posts?status=open',
      cookie: () => admin,
      max: 200,
      read: byId(postListSchema),
      order: idsDescending,
    },
    {
      name: 'the love supermarket',
      route: '/api/timebank/items',
      url: '/api/timebank/items?',
      cookie: () => admin,
      max: 200,
      read: byId(itemListSchema),
      order: idsAscending,
    },
    {
      name: 'a resident’s board (newest first)',
      route: '/api/portal/me/timebank/posts',
      url: `${PORTAL}/posts?`,
      cookie: () => resident,
      max: 50,
      read: byId(portalPostPageSchema),
      order: idsDescending,
    },
    {
      name: 'a resident’s love supermarket',
      route: '/api/portal/me/timebank/items',
      url: `${PORTAL}/items?`,
      cookie: () => resident,
      max: 50,
      read: byId(itemListSchema),
      order: idsAscending,
    },
    {
      name: 'a resident’s own orders (newest first)',
      route: '/api/portal/me/timebank/orders',
      url: `${PORTAL}/orders?`,
      cookie: () => resident,
      max: 50,
      read: byId(portalOrderPageSchema),
      order: idsDescending,
    },
  ];

  walkEachList(env, 'pagination-timebank.test.ts', lists);
});
