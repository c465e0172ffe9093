import { beforeAll, expect, it } from 'vitest';
import { loanDetailSchema, loanTotalsSchema } from '../../../shared/api/loans.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { WorkOrdersService } from '../work-orders/index.js';
import { assessDelinquency } from './delinquency-job.js';
import { advance, applyFor, type LoanWorld, loanWorld } from './testing.js';

const DAY = 24 * 60;

describeEachDialect(
  'loans: schedule at disbursement, repayments, delinquency buckets, hardship pauses',
  (env) => {
    let world: LoanWorld;
    let id = '';
    /** Sessions lapse over the days the test moves the clock: staff sign in anew. */
    const fresh = async () => ({
      bank: (await env.loginAs({ role: 'bank_officer', regionCode: '230108' })).cookie,
      secretary: (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie,
    });
    const read = async (cookie: string) =>
      (await env.inject('GET', `/api/loan-applications/${id}`, { cookie })).body(loanDetailSchema);
    const assess = () => assessDelinquency(env.ctx, new WorkOrdersService(env.ctx).intake);
    const orders = () =>
      env.database.db
        .selectFrom('work_orders')
        .select(['id', 'channel', 'household_id', 'category_code', 'description'])
        .where('description', 'like', '%创业担保贷款%')
        .orderBy('created_at')
        .execute();

    beforeAll(async () => {
      world = await loanWorld(env, QINGNIAN, 4);
      id = await applyFor(env, world.gridWorker.cookie, world.people[0]!.id);
      await advance(env, world, id, 'disbursed');
    }, 180_000);

    it('made the schedule at disbursement: 12 monthly instalments adding up to the loan to the fen', async () => {
      const loan = await read(world.bank.cookie);
      expect(loan.status).toBe('disbursed');
      expect(loan.instalments.map((i) => i.seq)).toEqual([...Array(12).keys()].map((i) => i + 1));
      expect(loan.instalments.reduce((sum, i) => sum + i.principalFen, 0)).toBe(10_000_000);
      expect(loan.outstandingFen).toBe(
        loan.instalments.reduce((sum, i) => sum + i.principalFen + i.borrowerInterestFen, 0),
      );
      // Equal principal: the same principal every month but the last.
      const other = await applyFor(env, world.gridWorker.cookie, world.people[1]!.id, {
        repaymentMethod: 'equal_principal',
        amountFen: 1_000_001,
        termMonths: 6,
      });
      await advance(env, world, other, 'disbursed');
      const equal = (
        await env.inject('GET', `/api/loan-applications/${other}`, { cookie: world.bank.cookie })
      ).body(loanDetailSchema);
      expect(equal.instalments.map((i) => i.principalFen)).toEqual([
        166_666, 166_666, 166_666, 166_666, 166_666, 166_671,
      ]);
      // Repaid early in one go: closed, so it stays out of the arrears below.
      const early = await env.inject('POST', `/api/loan-applications/${other}/repayments`, {
        cookie: world.bank.cookie,
        body: { amountFen: equal.outstandingFen, paidOn: equal.disbursedOn },
      });
      expect(early.body(loanDetailSchema).status).toBe('closed');
    });

    it('refuses bad repayments by field, and applies a partial one to the oldest instalment', async () => {
      const pay = (body: unknown) =>
        env.inject('POST', `/api/loan-applications/${id}/repayments`, { cookie: world.bank.cookie, body });
      const today = new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect((await pay({ amountFen: 0, paidOn: today })).error.fields?.[0]?.path).toBe('amountFen');
      expect((await pay({ amountFen: 100, paidOn: '2026-02-30' })).error.fields?.[0]?.path).toBe('paidOn');
      expect((await pay({ amountFen: 100, paidOn: '2999-01-01' })).error.fields).toEqual([
        { path: 'paidOn', message: '日期不能晚于今天' },
      ]);
      const over = await pay({ amountFen: 99_999_999, paidOn: today });
      expect(over.status).toBe(400);
      expect(over.error.fields?.[0]?.path).toBe('amountFen');
      const partial = (await pay({ amountFen: 100_000, paidOn: today })).body(loanDetailSchema);
      expect(partial.status).toBe('repaying');
      expect(partial.instalments[0]).toMatchObject({ paidFen: 100_000, paidOn: null });
      expect(partial.instalments[1]!.paidFen).toBe(0);
      expect(partial.repayments).toEqual([expect.objectContaining({ amountFen: 100_000, paidOn: today })]);
      const refusedHere = await env.inject('POST', `/api/loan-applications/${id}/repayments`, {
        cookie: world.secretary.cookie,
        body: { amountFen: 1, paidOn: today },
      });
      expect(refusedHere.status).toBe(403);
    });

    it('moves a missed instalment into 1–30 days, files a visit work order and tells the grid worker, once', async () => {
      expect((await assess()).worsened).toEqual([]);
      env.advanceMinutes(35 * DAY);
      const first = await assess();
      expect(first.worsened).toEqual([id]);
      const staff = await fresh();
      const loan = await read(staff.secretary);
      expect(loan.bucket).toBe('d1_30');
      expect(loan.daysPastDue).toBeGreaterThanOrEqual(4);
      expect(loan.daysPastDue).toBeLessThanOrEqual(7);
      expect(loan.followUpOrderId).toBeTruthy();
      const filed = await orders();
      expect(filed).toHaveLength(1);
      expect(filed[0]).toMatchObject({
        id: loan.followUpOrderId,
        channel: 'visit',
        category_code: 'livelihood.hardship',
      });
      const household = await env.database.db
        .selectFrom('persons')
        .select('household_id')
        .where('id', '=', world.people[0]!.id)
        .executeTakeFirstOrThrow();
      expect(filed[0]!.household_id).toBe(household.household_id);
      const told = await env.database.db
        .selectFrom('notifications')
        .select(['recipient_user_id', 'work_order_id'])
        .where('template', '=', 'loan_arrears_visit')
        .execute();
      expect(told).toEqual([{ recipient_user_id: world.gridWorker.id, work_order_id: loan.followUpOrderId }]);
      // The same day again: nothing new.
      expect((await assess()).worsened).toEqual([]);
      expect(await orders()).toHaveLength(1);
      const totals = await env.inject('GET', `/api/loan-totals?region=${QINGNIAN}`, {
        cookie: staff.secretary,
      });
      expect(totals.body(loanTotalsSchema)).toMatchObject({ approved: 2, disbursedCount: 2, inArrears: 1 });
      expect(totals.body(loanTotalsSchema).inArrearsFen).toBeGreaterThan(0);
    });

    it('stops the clock while a hardship pause holds, with a reason, and starts it again when lifted', async () => {
      let staff = await fresh();
      const bare = await env.inject('POST', `/api/loan-applications/${id}/hardship`, {
        cookie: staff.secretary,
        body: { pause: true },
      });
      expect(bare.error.fields?.[0]?.path).toBe('reason');
      const paused = await env.inject('POST', `/api/loan-applications/${id}/hardship`, {
        cookie: staff.secretary,
        body: { pause: true, reason: '家中老人住院，经营暂停' },
      });
      expect(paused.body(loanDetailSchema).paused).toBe(true);
      const twice = await env.inject('POST', `/api/loan-applications/${id}/hardship`, {
        cookie: staff.secretary,
        body: { pause: true, reason: '再次暂停' },
      });
      expect(twice.error.code).toBe('loan.already_paused');
      const before = (await read(staff.secretary)).daysPastDue;
      env.advanceMinutes(40 * DAY);
      expect((await assess()).worsened).toEqual([]);
      staff = await fresh();
      const held = await read(staff.secretary);
      expect(held).toMatchObject({ bucket: 'd1_30', daysPastDue: before, paused: true });
      await env.inject('POST', `/api/loan-applications/${id}/hardship`, {
        cookie: staff.secretary,
        body: { pause: false, reason: '已恢复经营' },
      });
      env.advanceMinutes(30 * DAY);
      expect((await assess()).worsened).toEqual([id]);
      staff = await fresh();
      const later = await read(staff.secretary);
      expect(later.bucket).toBe('d31_60');
      expect(later.daysPastDue).toBe(before + 30);
      expect(later.pauses).toEqual([expect.objectContaining({ reason: '家中老人住院，经营暂停' })]);
      expect(await orders()).toHaveLength(2);
    });

    it('closes the loan when everything is repaid, and the bucket returns to current', async () => {
      const staff = await fresh();
      const loan = await read(staff.bank);
      const today = new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const paid = await env.inject('POST', `/api/loan-applications/${id}/repayments`, {
        cookie: staff.bank,
        body: { amountFen: loan.outstandingFen, paidOn: today },
      });
      const closed = paid.body(loanDetailSchema);
      expect(closed).toMatchObject({
        status: 'closed',
        outstandingFen: 0,
        bucket: 'current',
        daysPastDue: 0,
      });
      expect(closed.instalments.every((i) => i.paidOn !== null)).toBe(true);
      expect(closed.events.at(-1)?.action).toBe('closed');
    });
  },
);
