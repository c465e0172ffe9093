import { beforeAll } from 'vitest';
import { arrearsPageSchema, voucherPageSchema } from '../../shared/api/funds.js';
import { beijingToday, ledgerOf, makeVoucher, monthsAgo, twoLines } from '../modules/funds/testing.js';
import { createMember, createOrganization, createResidents } from '../modules/member-workflows/testing.js';
import {
  byId,
  byKey,
  idsAscending,
  idsDescending,
  type PagedList,
  walkEachList,
} from '../testing/page-walk.js';
import { describeEachDialect, QINGNIAN } from '../testing/test-env.js';

/** An organization's vouchers (newest first) and the members in dues arrears (by id), walked page by page. */
describeEachDialect('fund vouchers and dues arrears, walked page by page', (env) => {
  let secretary = '';
  let organizationId = '';
  let branchId = '';

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    const { org, accounts } = await ledgerOf(env, secretary, { regionCode: QINGNIAN, name: '分页测试党委' });
    organizationId = org.id;
    for (let i = 1; i <= 5; i += 1)
      await makeVoucher(
        env,
        secretary,
        org.id,
        twoLines(accounts, '1002', '4101', i * 100, { date: beijingToday(env) }),
      );
    const branch = await createOrganization(env, { regionCode: QINGNIAN, name: '分页测试支部' });
    branchId = branch.id;
    const { people } = await createResidents(env, QINGNIAN, 5);
    // Each member's dues kept from a year ago and never paid: five members in arrears.
    for (const person of people) {
      const member = await createMember(env, { organization: branch, personId: person.id });
      const base = await env.inject('PUT', `/api/members/${member.id}/dues-base`, {
        cookie: secretary,
        body: { category: 'in_service', incomeFen: 400_000, effectiveMonth: monthsAgo(env, 12) },
      });
      if (base.status >= 300) throw new Error(`dues base: ${base.status}`);
    }
  }, 120_000);

  const lists: PagedList[] = [
    {
      name: 'an organization’s vouchers (newest first)',
      route: '/api/organizations/:id/fund-vouchers',
      url: `/api/organizations/{org}/fund-vouchers?`,
      cookie: () => secretary,
      max: 200,
      read: byId(voucherPageSchema),
      order: idsDescending,
    },
    {
      name: 'members six months in dues arrears',
      route: '/api/dues-arrears',
      url: '/api/dues-arrears?',
      cookie: () => secretary,
      max: 200,
      read: byKey(arrearsPageSchema, (row) => row.memberId),
      order: idsAscending,
    },
  ];
  // The organization exists only once beforeAll has run: the URL is filled in lazily.
  for (const list of lists)
    Object.defineProperty(list, 'url', {
      get: () =>
        list.route === '/api/dues-arrears'
          ? `/api/dues-arrears?organization=${branchId}`
          : `/api/organizations/${organizationId}/fund-vouchers?`,
    });
  walkEachList(env, 'pagination-funds.test.ts', lists);
});
