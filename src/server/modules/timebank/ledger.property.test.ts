import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { DomainError } from '../../http/errors.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { BoardService } from './board.service.js';
import { systemAccount } from './ledger.js';
import { MarketService } from './market.service.js';
import { ledgerCheck, organizationAccount, personAccounts } from './testing.js';
import { TimebankService } from './timebank.service.js';

/**
 * Random sequences of transfers, escrows (accepting a request), releases (confirming), refunds
 * (cancelling), donations and redemptions (supermarket orders, some checked off) against a model
 * of the balances: each step succeeds exactly when the model says the bounds allow it, the
 * balances end as the model says, every cached balance equals the sum of its rows, the ledger
 * sums to zero and no balance leaves its floor and ceiling.
 */
const PERSON_CEILING = 300;
const PRICE = 7;

type Op =
  | { kind: 'transfer'; from: number; to: number; minutes: number }
  | { kind: 'escrow'; poster: number; helper: number; minutes: number }
  | { kind: 'release' | 'refund'; pick: number }
  | { kind: 'donate'; from: number; minutes: number }
  | { kind: 'redeem'; from: number; checkOff: boolean };

const ACCOUNTS = 5; // four residents and the team (index 4)
const index = fc.integer({ min: 0, max: ACCOUNTS - 1 });
const person = fc.integer({ min: 0, max: 3 });
const minutes = fc.integer({ min: 1, max: 200 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('transfer' as const), from: index, to: index, minutes }),
  fc.record({ kind: fc.constant('escrow' as const), poster: person, helper: person, minutes }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('donate' as const), from: person, minutes }),
  fc.record({ kind: fc.constant('redeem' as const), from: person, checkOff: fc.boolean() }),
);

describeEachDialect('time bank ledger: property over random sequences', (env) => {
  let ids: string[] = [];
  let fund = '';
  let escrow = '';
  let item = '';
  const scope = () => new Scope([DISTRICT], env.dialect);

  beforeAll(async () => {
    const people = await personAccounts(env, QINGNIAN, 4);
    const team = await organizationAccount(env, QINGNIAN, '青年社区助老服务队');
    ids = [...people.map((p) => p.id), team.id];
    await env.inject('PUT', '/api/districts/230108/timebank-limits', {
      cookie: await env.loginAdmin(),
      body: { ownerKind: 'person', floorMinutes: 0, ceilingMinutes: PERSON_CEILING, starterGrantMinutes: 60 },
    });
    const at = env.now().toISOString();
    await env.database.db.transaction().execute(async (trx) => {
      fund = (await systemAccount(trx, 'fund', QINGNIAN, at)).id;
      escrow = (await systemAccount(trx, 'escrow', QINGNIAN, at)).id;
    });
    item = (
      await new MarketService(env.ctx).createItem(
        scope(),
        { regionCode: QINGNIAN, name: '鸡蛋', priceMinutes: PRICE, stock: 100_000 },
        SYSTEM_ACTOR,
      )
    ).id;
  });

  const balances = async (): Promise<Map<string, number>> => {
    const rows = await env.database.db
      .selectFrom('timebank_accounts')
      .select(['id', 'balance_minutes'])
      .execute();
    return new Map(rows.map((row) => [row.id, Number(row.balance_minutes)]));
  };

  it('keeps the ledger balanced and every balance within bounds, as the model predicts', async () => {
    const timebank = new TimebankService(env.ctx);
    const board = new BoardService(env.ctx);
    const market = new MarketService(env.ctx);
    const bounds = (id: string) =>
      id === ids[4]
        ? { floor: -600_000, ceiling: 600_000 }
        : id === fund
          ? { floor: 0, ceiling: 6_000_000 }
          : id === escrow
            ? { floor: 0, ceiling: Number.MAX_SAFE_INTEGER }
            : { floor: 0, ceiling: PERSON_CEILING };
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        const model = await balances();
        const accepted: { id: string; helper: string; payer: string; minutes: number }[] = [];
        const allows = (from: string, to: string, m: number) =>
          model.get(from)! - m >= bounds(from).floor && model.get(to)! + m <= bounds(to).ceiling;
        const move = (from: string, to: string, m: number) => {
          model.set(from, model.get(from)! - m);
          model.set(to, model.get(to)! + m);
        };
        /** Runs a step; true if it went through, false on the bound the model expected. */
        const attempt = async (expectOk: boolean, run: () => Promise<unknown>) => {
          try {
            await run();
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            expect(expectOk, `refused ${error.code}`).toBe(false);
            expect(['timebank.insufficient', 'timebank.ceiling']).toContain(error.code);
            return false;
          }
          expect(expectOk, 'went through although the model refused').toBe(true);
          return true;
        };
        for (const step of ops) {
          steps += 1;
          if (step.kind === 'transfer') {
            const [from, to] = [ids[step.from]!, ids[step.to]!];
            if (from === to) continue;
            const ok = allows(from, to, step.minutes);
            if (
              await attempt(ok, () =>
                timebank.transfer(scope(), { from, to, minutes: step.minutes }, SYSTEM_ACTOR),
              )
            )
              move(from, to, step.minutes);
          } else if (step.kind === 'escrow') {
            const [poster, helper] = [ids[step.poster]!, ids[step.helper]!];
            if (poster === helper) continue;
            const post = await board.create(
              scope(),
              {
                kind: 'request',
                category: 'errands',
                title: '代买药品',
                minutes: step.minutes,
                accountId: poster,
                expiresAt: new Date(env.now().getTime() + 86_400_000).toISOString(),
              },
              SYSTEM_ACTOR,
            );
            const ok = allows(poster, escrow, step.minutes);
            if (
              await attempt(ok, () => board.accept(scope(), post.id, { accountId: helper }, SYSTEM_ACTOR))
            ) {
              move(poster, escrow, step.minutes);
              accepted.push({ id: post.id, helper, payer: poster, minutes: step.minutes });
            }
          } else if (step.kind === 'release' || step.kind === 'refund') {
            if (accepted.length === 0) continue;
            const post = accepted[step.pick % accepted.length]!;
            const to = step.kind === 'release' ? post.helper : post.payer;
            const ok = allows(escrow, to, post.minutes);
            const run = () =>
              step.kind === 'release'
                ? board.confirm(scope(), post.id, SYSTEM_ACTOR)
                : board.cancel(scope(), post.id, SYSTEM_ACTOR);
            if (await attempt(ok, run)) {
              move(escrow, to, post.minutes);
              accepted.splice(accepted.indexOf(post), 1);
            }
          } else if (step.kind === 'donate') {
            const from = ids[step.from]!;
            const ok = allows(from, fund, step.minutes);
            if (
              await attempt(ok, () => timebank.donate(scope(), { from, minutes: step.minutes }, SYSTEM_ACTOR))
            )
              move(from, fund, step.minutes);
          } else if (step.kind === 'redeem') {
            const from = ids[step.from]!;
            const ok = allows(from, fund, PRICE);
            let code = '';
            const placed = await attempt(ok, async () => {
              code = (await market.order(scope(), item, { accountId: from, quantity: 1 }, SYSTEM_ACTOR)).code;
            });
            if (placed) {
              move(from, fund, PRICE);
              if (step.checkOff)
                expect((await market.redeem(scope(), code, SYSTEM_ACTOR)).minutes).toBe(PRICE);
            }
          }
        }
        expect(await balances()).toEqual(model);
        const check = await ledgerCheck(env);
        expect(check).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
      }),
      { numRuns: env.dialect === 'postgres' ? 12 : 20 },
    );
    expect(steps).toBeGreaterThan(50);
  }, 240_000);
});
