import { beforeAll, expect, it } from 'vitest';
import { type LoanAction, loanDetailSchema, loanPageSchema } from '../../../shared/api/loans.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { sweepLoanDeadlines } from './deadline-sweeper.js';
import { LOAN_RULES } from './loan-rules.js';
import { advance, applyFor, DEFAULT_DOCUMENTS, type LoanWorld, loanWorld } from './testing.js';

const path = (action: LoanAction) => action.replaceAll('_', '-');
const bodyOf = (action: LoanAction) =>
  action === 'disburse'
    ? { disbursedOn: '2020-01-01', bankName: '哈尔滨银行', contractNo: 'HRB-1' }
    : LOAN_RULES[action].reasonRequired
      ? { reason: '材料不实，不予通过' }
      : {};

describeEachDialect('loans: the one-stop workflow, its refusals, deadlines and escalation', (env) => {
  let world: LoanWorld;
  const cookieFor = (action: LoanAction) => {
    const permission = LOAN_RULES[action].permission;
    if (permission === 'loan.review') return world.secretary.cookie;
    if (permission === 'loan.guarantee') return world.centre.cookie;
    if (permission === 'loan.bank') return world.bank.cookie;
    return world.gridWorker.cookie;
  };
  const act = (id: string, action: LoanAction, cookie = cookieFor(action), body: unknown = bodyOf(action)) =>
    env.inject('POST', `/api/loan-applications/${id}/${path(action)}`, { cookie, body });
  let next = 0;
  const fresh = () => {
    next += 1;
    return applyFor(env, world.gridWorker.cookie, world.people[next]!.id);
  };

  beforeAll(async () => {
    world = await loanWorld(env, QINGNIAN, 16);
  }, 180_000);

  it('goes submitted → community review → centre review → bank approval → disbursed, one event each', async () => {
    const id = await fresh();
    expect((await act(id, 'accept')).body(loanDetailSchema).status).toBe('community_review');
    const missing = await act(id, 'community_approve');
    expect(missing.status).toBe(409);
    expect(missing.error.code).toBe('loan.documents_missing');
    for (const item of DEFAULT_DOCUMENTS)
      await env.inject('POST', `/api/loan-applications/${id}/documents`, {
        cookie: world.gridWorker.cookie,
        body: { item, ticked: true },
      });
    expect((await act(id, 'community_approve')).body(loanDetailSchema).status).toBe('centre_review');
    expect((await act(id, 'centre_approve')).body(loanDetailSchema).status).toBe('bank_approval');
    const today = new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const disbursed = (
      await act(id, 'disburse', world.bank.cookie, {
        disbursedOn: today,
        bankName: '哈尔滨银行',
        contractNo: 'HRB-9',
      })
    ).body(loanDetailSchema);
    expect(disbursed).toMatchObject({
      status: 'disbursed',
      stepDueOn: null,
      annualRateBp: 345,
      subsidyShareBp: 5000,
    });
    expect(disbursed.events.map((e) => e.action)).toEqual([
      'applied',
      'accept',
      'community_approve',
      'centre_approve',
      'disburse',
    ]);
    expect(disbursed.instalments).toHaveLength(12);
    expect(disbursed.instalments.reduce((sum, i) => sum + i.principalFen, 0)).toBe(10_000_000);
    for (const i of disbursed.instalments) {
      expect(i.subsidyInterestFen + i.borrowerInterestFen).toBeGreaterThan(0);
      expect(Math.abs(i.subsidyInterestFen - i.borrowerInterestFen)).toBeLessThanOrEqual(1);
    }
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', '!=', 'loan.document_ticked')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'loan.applied',
      'loan.accept',
      'loan.community_approve',
      'loan.centre_approve',
      'loan.disburse',
    ]);
  });

  it('rejects at each review with a reason, and refuses a rejection without one', async () => {
    for (const [until, action] of [
      ['community_review', 'community_reject'],
      ['centre_review', 'centre_reject'],
      ['bank_approval', 'bank_reject'],
    ] as const) {
      const id = await fresh();
      await advance(env, world, id, until);
      const bare = await act(id, action, cookieFor(action), {});
      expect(bare.status, action).toBe(400);
      expect(bare.error.fields?.[0]?.path).toBe('reason');
      const meaningless = await act(id, action, cookieFor(action), { reason: '..' });
      expect(meaningless.status).toBe(400);
      const rejected = (await act(id, action)).body(loanDetailSchema);
      expect(rejected.status).toBe('rejected');
      expect(rejected.events.at(-1)).toMatchObject({
        action,
        reason: '材料不实，不予通过',
        toStatus: 'rejected',
      });
      expect(rejected.stepDueOn).toBeNull();
    }
  });

  it('is withdrawn at any step before the money moves, never after', async () => {
    for (const until of [undefined, 'community_review', 'centre_review', 'bank_approval'] as const) {
      const id = await fresh();
      if (until) await advance(env, world, id, until);
      const withdrawn = await act(id, 'withdraw');
      expect(withdrawn.status, String(until)).toBe(200);
      expect(withdrawn.body(loanDetailSchema).status).toBe('withdrawn');
    }
    const lent = await fresh();
    await advance(env, world, lent, 'disbursed');
    const late = await act(lent, 'withdraw');
    expect(late.status).toBe(409);
    expect(late.error.code).toBe('loan.illegal_transition');
  });

  it('refuses every action from every status it is not legal in (409), and actions outside one’s role (403)', async () => {
    const stages = [undefined, 'community_review', 'centre_review', 'bank_approval', 'disbursed'] as const;
    const expected = ['submitted', 'community_review', 'centre_review', 'bank_approval', 'disbursed'];
    for (const [i, until] of stages.entries()) {
      const id = await fresh();
      if (until) await advance(env, world, id, until);
      const status = (
        await env.inject('GET', `/api/loan-applications/${id}`, { cookie: world.secretary.cookie })
      ).body(loanDetailSchema).status;
      expect(status).toBe(expected[i]);
      for (const action of Object.keys(LOAN_RULES) as LoanAction[]) {
        if (LOAN_RULES[action].from.includes(status)) continue;
        const refused = await act(id, action);
        expect(refused.status, `${action} from ${status}`).toBe(409);
        expect(refused.error.code).toBe('loan.illegal_transition');
      }
      if (until !== 'bank_approval') continue;
      // Each step belongs to its side: the secretary cannot guarantee or lend, the centre cannot lend.
      expect((await act(id, 'centre_approve', world.secretary.cookie)).status).toBe(403);
      expect((await act(id, 'disburse', world.centre.cookie)).status).toBe(403);
      expect((await act(id, 'accept', world.gridWorker.cookie)).status).toBe(403);
      expect((await act(id, 'withdraw', world.bank.cookie)).status).toBe(403);
    }
  });

  it('marks a late step overdue once, escalates it to the level above and clears it on the next step', async () => {
    const id = await fresh();
    await advance(env, world, id, 'community_review');
    expect(await sweepLoanDeadlines(env.ctx)).not.toContain(id);
    env.advanceMinutes(6 * 24 * 60); // community review: 5 days by default
    // Sessions lapse over days: sign in anew as the same kinds of staff.
    const secretary = await env.loginAs({ role: 'secretary', regionCode: QINGNIAN });
    const gridWorker = await env.loginAs({ role: 'grid_worker', regionCode: world.gridCode });
    const escalated = await sweepLoanDeadlines(env.ctx);
    expect(escalated).toContain(id);
    expect(await sweepLoanDeadlines(env.ctx)).not.toContain(id);
    const late = (await env.inject('GET', `/api/loan-applications/${id}`, { cookie: secretary.cookie })).body(
      loanDetailSchema,
    );
    expect(late).toMatchObject({ overdue: true, escalatedRegionCode: QINGNIAN.slice(0, 9) });
    expect(late.events.at(-1)?.action).toBe('step_overdue');
    const told = await env.database.db
      .selectFrom('notifications')
      .select(['recipient_user_id', 'template'])
      .where('template', '=', 'loan_step_overdue')
      .execute();
    expect(told.map((n) => n.recipient_user_id)).toContain(world.streetSecretary.id);
    expect(told.map((n) => n.recipient_user_id)).not.toContain(world.secretary.id);
    const listed = await env.inject('GET', '/api/loan-applications?overdue=true', {
      cookie: secretary.cookie,
    });
    const overdueItems = listed.body(loanPageSchema).items;
    expect(overdueItems.map((l) => l.id)).toContain(id);
    expect(overdueItems.every((l) => l.overdue)).toBe(true);

    for (const item of DEFAULT_DOCUMENTS)
      await env.inject('POST', `/api/loan-applications/${id}/documents`, {
        cookie: gridWorker.cookie,
        body: { item, ticked: true },
      });
    const onward = (await act(id, 'community_approve', secretary.cookie)).body(loanDetailSchema);
    expect(onward).toMatchObject({ status: 'centre_review', overdue: false, escalatedRegionCode: null });
    env.advanceMinutes(8 * 24 * 60); // the centre's 7 days
    expect(await sweepLoanDeadlines(env.ctx)).toContain(id);
    const toDistrict = await env.database.db
      .selectFrom('notifications')
      .select('recipient_user_id')
      .where('template', '=', 'loan_step_overdue')
      .where('recipient_user_id', '=', world.districtAdmin.id)
      .where('params', 'like', `%${late.number}%`)
      .execute();
    expect(toDistrict).toHaveLength(1);
  });
});
