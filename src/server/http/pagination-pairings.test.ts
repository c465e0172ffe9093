import { beforeAll } from 'vitest';
import {
  collectivePageSchema,
  dividendRunSchema,
  payoutPageSchema,
  shareholderPageSchema,
} from '../../shared/api/collectives.js';
import { pairingPageSchema, uncoveredPageSchema } from '../../shared/api/pairings.js';
import { makeCollective } from '../modules/collectives/testing.js';
import { pair, pairingWorld } from '../modules/pairings/testing.js';
import {
  byId,
  byKey,
  idsAscending,
  idsDescending,
  type PagedList,
  walkEachList,
} from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** Pairings, uncovered households, collectives, shareholders and payouts, walked page by page. */
describeEachDialect('pairings and collectives, walked page by page', (env) => {
  let admin = '';
  let secretary = '';
  let collective = '';
  let run = '';

  beforeAll(async () => {
    admin = await env.loginAdmin();
    const world = await pairingWorld(env, QINGNIAN, 24, 8);
    secretary = world.secretary.cookie;
    for (const household of world.households.slice(0, 4))
      await pair(env, secretary, world.secretary.id, household.id);
    const communities = await env.database.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'community')
      .where('code', '!=', QINGNIAN)
      .orderBy('code')
      .limit(2)
      .execute();
    const people = await env.database.db
      .selectFrom('persons')
      .select('id')
      .where('region_code', 'like', `${world.gridCode}%`)
      .limit(5)
      .execute();
    collective = await makeCollective(env, admin, QINGNIAN, {
      holdings: people.map((p, i) => [p.id, i + 1]),
      income: { year: 2026, fen: 1_000_000 },
    });
    for (const { code } of communities) await makeCollective(env, admin, code);
    const drafted = await env.inject('POST', `/api/collectives/${collective}/dividend-runs`, {
      cookie: admin,
      body: { year: 2026 },
    });
    run = drafted.body(dividendRunSchema).id;
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'pairings (newest first)',
      route: '/api/pairings',
      url: '/api/pairings?',
      cookie: () => secretary,
      max: 200,
      read: byId(pairingPageSchema),
      order: idsDescending,
    },
    {
      name: 'households in difficulty without a pairing',
      route: '/api/pairing-coverage/uncovered',
      url: `/api/pairing-coverage/uncovered?region=${QINGNIAN}`,
      cookie: () => secretary,
      max: 200,
      read: byId(uncoveredPageSchema),
    },
    {
      name: 'collectives',
      route: '/api/collectives',
      url: '/api/collectives?',
      cookie: () => admin,
      max: 200,
      read: byId(collectivePageSchema),
      order: idsAscending,
    },
    {
      name: 'shareholders of a collective',
      route: '/api/collectives/:id/shareholders',
      url: `/api/collectives/${'{id}'}/shareholders?`,
      cookie: () => admin,
      max: 200,
      read: byKey(shareholderPageSchema, (row) => row.personId),
      order: idsAscending,
    },
    {
      name: 'payouts of a dividend run',
      route: '/api/dividend-runs/:id/payouts',
      url: '/api/dividend-runs/{run}/payouts?',
      cookie: () => admin,
      max: 200,
      read: byKey(payoutPageSchema, (row) => row.personId),
      order: idsAscending,
    },
  ];
  // The ids exist only once beforeAll ran: the URLs are filled in lazily.
  for (const list of lists) {
    const template = list.url;
    Object.defineProperty(list, 'url', {
      get: () => template.replace('{id}', collective).replace('{run}', run),
    });
  }
  walkEachList(env, 'pagination-pairings.test.ts', lists);
});
