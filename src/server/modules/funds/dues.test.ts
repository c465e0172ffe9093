import { beforeAll, expect, it } from 'vitest';
import {
  arrearsNotifySchema,
  arrearsPageSchema,
  duesCalculationSchema,
  duesRecordSchema,
} from '../../../shared/api/funds.js';
import type { Organization } from '../../db/tables.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import {
  createMember,
  createOrganization,
  createResidents,
  memberWithLogin,
} from '../member-workflows/testing.js';
import { alertDuesArrears } from './arrears.service.js';
import { beijingToday, monthsAgo } from './testing.js';

describeEachDialect(
  'dues: calculator, bases, payments, back-payment limit, no proxy payment, arrears',
  (env) => {
    let secretary = { cookie: '', id: '' };
    let other = '';
    let branch: Organization;
    let memberId = '';
    let lateId = '';
    let self = { member: { id: '' }, cookie: '', userId: '' };
    let neighbourId = '';
    const today = () => beijingToday(env);
    const payments = () => env.countRows('dues_payments');

    beforeAll(async () => {
      secretary = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
      other = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
      branch = await createOrganization(env, { regionCode: QINGNIAN, name: '青年社区第一党支部' });
      const { people } = await createResidents(env, QINGNIAN, 4);
      memberId = (await createMember(env, { organization: branch, personId: people[0]!.id })).id;
      lateId = (await createMember(env, { organization: branch, personId: people[1]!.id, status: 'retired' }))
        .id;
      self = await memberWithLogin(env, { organization: branch, personId: people[2]!.id });
      neighbourId = (await createMember(env, { organization: branch, personId: people[3]!.id })).id;
      // The branch's leader is the member with a login: the one told of arrears.
      await env.database.db
        .updateTable('organizations')
        .set({ leader_member_id: self.member.id })
        .where('id', '=', branch.id)
        .execute();
    }, 120_000);

    const setBase = (id: string, body: unknown, cookie = secretary.cookie) =>
      env.inject('PUT', `/api/members/${id}/dues-base`, { cookie, body });
    const pay = (id: string, body: unknown, cookie = secretary.cookie) =>
      env.inject('POST', `/api/members/${id}/dues-payments`, { cookie, body });

    it('refuses bad input on every form by field, writing nothing', async () => {
      const calc = (body: unknown) =>
        env.inject('POST', '/api/dues/calculate', { cookie: secretary.cookie, body });
      expect((await calc({ category: 'farmer', incomeFen: 100 })).error.fields?.map((f) => f.path)).toEqual([
        'category',
      ]);
      expect(
        (await calc({ category: 'in_service', incomeFen: -1 })).error.fields?.map((f) => f.path),
      ).toEqual(['incomeFen']);
      expect(
        (await calc({ category: 'in_service', incomeFen: 12.5 })).error.fields?.map((f) => f.path),
      ).toEqual(['incomeFen']);
      expect(
        (
          await setBase(memberId, { category: 'in_service', incomeFen: 500_000, effectiveMonth: '2026-13' })
        ).error.fields?.map((f) => f.path),
      ).toEqual(['effectiveMonth']);
      expect(
        (
          await setBase(memberId, { category: 'in_service', incomeFen: 500_000, effectiveMonth: '2999-01' })
        ).error.fields?.map((f) => f.path),
      ).toEqual(['effectiveMonth']);
      const noBase = await pay(memberId, { months: [monthsAgo(env, 0)], paidOn: today() });
      expect(noBase.status).toBe(409);
      expect(noBase.error.code).toBe('dues.no_base');
      expect((await pay(memberId, { months: [], paidOn: today() })).error.fields?.map((f) => f.path)).toEqual(
        ['months'],
      );
      expect(
        (await pay(memberId, { months: ['2026/01'], paidOn: today() })).error.fields?.map((f) => f.path),
      ).toEqual(['months.0']);
      expect(
        (await pay(memberId, { months: [monthsAgo(env, 0)], paidOn: '2999-01-01' })).error.fields?.map(
          (f) => f.path,
        ),
      ).toEqual(['paidOn']);
      expect(await payments()).toBe(0);
      expect(await env.countRows('dues_bases')).toBe(0);
    });

    it('calculates by the bands and keeps the base a member pays by', async () => {
      const calc = await env.inject('POST', '/api/dues/calculate', {
        cookie: secretary.cookie,
        body: { category: 'in_service', incomeFen: 600_000 },
      });
      expect(calc.body(duesCalculationSchema)).toMatchObject({
        rateBp: 150,
        monthlyFen: 9_000,
        band: 'in_service.5000_10000',
      });
      const set = await setBase(memberId, {
        category: 'in_service',
        incomeFen: 600_000,
        effectiveMonth: monthsAgo(env, 12),
      });
      expect(set.body(duesRecordSchema).base).toMatchObject({ monthlyFen: 9_000, category: 'in_service' });
      await setBase(lateId, { category: 'retired', incomeFen: 400_000, effectiveMonth: monthsAgo(env, 12) });
      await setBase(self.member.id, {
        category: 'student',
        incomeFen: 0,
        effectiveMonth: monthsAgo(env, 12),
      });
    });

    it('takes back payment of six months at most, refusing the seventh with a clear error', async () => {
      const seventh = await pay(memberId, {
        months: [monthsAgo(env, 6), monthsAgo(env, 7)],
        paidOn: today(),
      });
      expect(seventh.status).toBe(400);
      expect(seventh.error.fields).toEqual([
        {
          path: 'months.1',
          message: `${monthsAgo(env, 7)} 已超过六个月，不能补缴（最早可补缴 ${monthsAgo(env, 6)}）`,
        },
      ]);
      const future = await pay(memberId, { months: [monthsAgo(env, -1)], paidOn: today() });
      expect(future.error.fields?.[0]?.path).toBe('months.0');
      expect(await payments()).toBe(0);
      const paid = await pay(memberId, { months: [monthsAgo(env, 6), monthsAgo(env, 0)], paidOn: today() });
      const record = paid.body(duesRecordSchema);
      expect(record.payments.map((p) => [p.month, p.amountFen, p.channel])).toEqual([
        [monthsAgo(env, 0), 9_000, 'recorded'],
        [monthsAgo(env, 6), 9_000, 'recorded'],
      ]);
      expect(record.earliestPayable).toBe(monthsAgo(env, 6));
      const twice = await pay(memberId, { months: [monthsAgo(env, 0)], paidOn: today() });
      expect(twice.error.fields?.[0]?.path).toBe('months.0');
    });

    it('never takes one member’s dues from another', async () => {
      const proxy = await pay(memberId, {
        months: [monthsAgo(env, 1)],
        paidOn: today(),
        payerMemberId: neighbourId,
      });
      expect(proxy.status).toBe(400);
      expect(proxy.error.fields).toEqual([
        { path: 'payerMemberId', message: '党费须由党员本人缴纳，不得由他人代缴' },
      ]);
      // The member with a login pays their own, and cannot pay a fellow member's.
      const forOther = await env.inject('POST', '/api/me/dues-payments', {
        cookie: self.cookie,
        body: { memberId, months: [monthsAgo(env, 1)], paidOn: today() },
      });
      expect(forOther.error.fields?.map((f) => f.path)).toEqual(['memberId']);
      expect(await payments()).toBe(2);
      const own = await env.inject('POST', '/api/me/dues-payments', {
        cookie: self.cookie,
        body: { months: [monthsAgo(env, 0)], paidOn: today() },
      });
      expect(own.body(duesRecordSchema).payments).toEqual([
        expect.objectContaining({ amountFen: 20, channel: 'self' }),
      ]);
      expect(
        (await env.inject('GET', '/api/me/dues', { cookie: self.cookie })).body(duesRecordSchema).memberId,
      ).toBe(self.member.id);
      // The recorded payment names the member whose dues they are, and only inside one's scope.
      expect(
        (await pay(memberId, { months: [monthsAgo(env, 1)], paidOn: today(), payerMemberId: memberId }))
          .status,
      ).toBe(201);
      expect((await env.inject('GET', `/api/members/${memberId}/dues`, { cookie: other })).status).toBe(404);
      expect((await pay(memberId, { months: [monthsAgo(env, 2)], paidOn: today() }, other)).status).toBe(404);
    });

    it('lists members six months in arrears and tells the branch secretary once', async () => {
      // Everyone joined in 2010. The retired member's dues are kept from a base of twelve months ago and
      // they have paid nothing: twelve months in arrears, not the sixteen years since joining. The
      // neighbour has no base (the branch never began to keep their dues): not in arrears. The member
      // with a login paid this month only, which ends their run of arrears.
      const list = (
        await env.inject('GET', `/api/dues-arrears?organization=${branch.id}`, { cookie: secretary.cookie })
      ).body(arrearsPageSchema);
      expect(list.items.map((i) => [i.memberId, i.unpaidCount, i.lastPaidMonth])).toEqual([
        [lateId, 12, null],
      ]);
      expect(
        (await env.inject('GET', '/api/dues-arrears', { cookie: other })).body(arrearsPageSchema).items,
      ).toEqual([]);
      // The scheduler's hourly run: the branch's leader hears of both, once.
      await alertDuesArrears(env.ctx);
      await alertDuesArrears(env.ctx);
      const told = await env.database.db
        .selectFrom('notifications')
        .select(['recipient_user_id', 'params'])
        .where('template', '=', 'dues_arrears')
        .execute();
      expect(told.map((t) => t.recipient_user_id)).toEqual([self.userId]);
      expect(JSON.parse(told[0]!.params)).toMatchObject({ organization: '青年社区第一党支部', count: '1' });
      const again = await env.inject('POST', '/api/dues-arrears/notify', { cookie: secretary.cookie });
      expect(again.body(arrearsNotifySchema)).toEqual({
        notified: 0,
        members: 0,
      });
    });
  },
);
