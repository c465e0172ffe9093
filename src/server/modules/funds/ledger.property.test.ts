import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { Scope } from '../../auth/scope.js';
import { DomainError } from '../../http/errors.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createOrganization } from '../member-workflows/testing.js';
import { ledgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';
import { PeriodsService } from './periods.service.js';
import { beijingToday, monthsAgo } from './testing.js';

/**
 * Random sequences of vouchers (balanced or not, under or over the threshold, into open or closed
 * months), approvals by the maker or by someone else, and month closes, against a model of the
 * balances: a voucher is accepted exactly when it balances and its month is open; approval by the
 * maker is always refused; after every sequence each account's cached balance equals the sum of its
 * posted entries and the model, every voucher's lines balance, and the balances sum to zero.
 */
const THRESHOLD = 100_000; // the default: ¥1,000

type Line = { account: number; debit: boolean; fen: number };
type Op =
  | { kind: 'voucher'; lines: Line[]; skew: number; monthBack: number }
  | { kind: 'approve'; pick: number; byMaker: boolean }
  | { kind: 'close'; monthBack: number };

const line = fc.record({
  account: fc.nat({ max: 14 }),
  debit: fc.boolean(),
  fen: fc.integer({ min: 1, max: 150_000 }),
});
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('voucher' as const),
      lines: fc.array(line, { minLength: 1, maxLength: 4 }),
      skew: fc.constantFrom(0, 0, 0, 1, -3),
      monthBack: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('approve' as const), pick: fc.nat(), byMaker: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('close' as const), monthBack: fc.integer({ min: 1, max: 2 }) }),
  },
);

describeEachDialect('fund ledger: property over random sequences', (env) => {
  const scope = () => new Scope([DISTRICT], env.dialect);
  const maker = { id: '0190a0b0-0000-7000-8000-00000000000a', name: '制单人', ip: null, requestId: null };
  const checker = { id: '0190a0b0-0000-7000-8000-00000000000b', name: '审批人', ip: null, requestId: null };
  let runs = 0;
  beforeAll(() => env.app.ready());

  it('keeps every voucher balanced, balances equal to their entries, closed months shut', async () => {
    const ledger = new LedgerService(env.ctx);
    const periods = new PeriodsService(env.ctx);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 10 }), async (ops) => {
        runs += 1;
        const org = await createOrganization(env, { regionCode: QINGNIAN, name: `性质测试${runs}` });
        const accounts = (await ledger.open(scope(), org.id, maker)).accounts.map((a) => a.id);
        const model = new Map<string, number>(accounts.map((id) => [id, 0]));
        const pending: { id: string; lines: { account: string; net: number }[]; period: string }[] = [];
        const closed = new Set<string>();
        for (const step of ops) {
          if (step.kind === 'voucher') {
            // A balancing line, then the skew makes some vouchers unbalanced on purpose.
            const net = step.lines.reduce((sum, l) => sum + (l.debit ? l.fen : -l.fen), 0);
            const lines = step.lines.map((l) => ({
              accountId: accounts[l.account]!,
              debitFen: l.debit ? l.fen : 0,
              creditFen: l.debit ? 0 : l.fen,
            }));
            if (net !== 0)
              lines.push({
                accountId: accounts[0]!,
                debitFen: net < 0 ? -net : 0,
                creditFen: net > 0 ? net + step.skew : 0,
              });
            else if (step.skew !== 0)
              lines.push({ accountId: accounts[0]!, debitFen: Math.abs(step.skew), creditFen: 0 });
            const debits = lines.reduce((s, l) => s + l.debitFen, 0);
            const credits = lines.reduce((s, l) => s + l.creditFen, 0);
            const oneSided = lines.every((l) => l.debitFen > 0 !== l.creditFen > 0);
            const period = monthsAgo(env, step.monthBack);
            const date = step.monthBack === 0 ? beijingToday(env) : `${period}-10`;
            const valid = lines.length >= 2 && debits === credits && oneSided;
            try {
              const id = await ledger.createVoucher(
                scope(),
                org.id,
                { date, summary: '性质测试凭证', kind: 'general', attachmentCount: 0, lines },
                maker,
              );
              expect(valid && !closed.has(period)).toBe(true);
              const posted = lines.map((l) => ({ account: l.accountId, net: l.debitFen - l.creditFen }));
              if (debits > THRESHOLD) pending.push({ id, lines: posted, period });
              else for (const p of posted) model.set(p.account, model.get(p.account)! + p.net);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              const status = (error as DomainError).status;
              if (!valid) expect(status).toBe(400);
              else {
                expect(closed.has(period)).toBe(true);
                expect((error as DomainError).code).toBe('fund.period_closed');
              }
            }
          } else if (step.kind === 'approve' && pending.length > 0) {
            const index = step.pick % pending.length;
            const target = pending[index]!;
            try {
              await ledger.approve(scope(), target.id, undefined, step.byMaker ? maker : checker);
              expect(step.byMaker).toBe(false);
              pending.splice(index, 1);
              for (const p of target.lines) model.set(p.account, model.get(p.account)! + p.net);
            } catch (error) {
              expect((error as DomainError).code).toBe(
                step.byMaker ? 'fund.own_voucher' : 'fund.period_closed',
              );
            }
          } else if (step.kind === 'close') {
            const period = monthsAgo(env, step.monthBack);
            try {
              await periods.close(scope(), org.id, period, checker);
              expect(closed.has(period) || pending.some((p) => p.period === period)).toBe(false);
              closed.add(period);
            } catch (error) {
              expect(['fund.period_already_closed', 'fund.period_has_pending']).toContain(
                (error as DomainError).code,
              );
            }
          }
        }
        const db = env.database.db;
        const stored = await ledgerRepository.accounts(db, org.id);
        const sums = await ledgerRepository.postedSums(db, org.id, undefined, undefined);
        for (const account of stored) {
          const row = sums.find((s) => s.account_id === account.id);
          const entries = Number(row?.debit ?? 0) - Number(row?.credit ?? 0);
          expect(Number(account.balance_fen)).toBe(entries);
          expect(Number(account.balance_fen)).toBe(model.get(account.id));
        }
        expect(stored.reduce((sum, a) => sum + Number(a.balance_fen), 0)).toBe(0);
        const unbalanced = await db
          .selectFrom('fund_voucher_lines')
          .innerJoin('fund_vouchers', 'fund_vouchers.id', 'fund_voucher_lines.voucher_id')
          .select([
            'voucher_id',
            (eb) => eb.fn.sum<number>('debit_fen').as('d'),
            (eb) => eb.fn.sum<number>('credit_fen').as('c'),
          ])
          .where('fund_vouchers.organization_id', '=', org.id)
          .groupBy('voucher_id')
          .execute();
        for (const v of unbalanced) expect(Number(v.d)).toBe(Number(v.c));
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
