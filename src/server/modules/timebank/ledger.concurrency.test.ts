import { afterAll, beforeAll, expect, it } from 'vitest';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import { type Database, openDatabase } from '../../db/database.js';
import { DomainError } from '../../http/errors.js';
import { createServiceContext, type ServiceContext } from '../../services.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { MarketService } from './market.service.js';
import { ledgerCheck, organizationAccount, personAccounts } from './testing.js';
import { TimebankService } from './timebank.service.js';

/**
 * Many transfers at once. On PostgreSQL they run on a pool of 24 connections, so they really do
 * overlap: out of one account none may take it below its floor and none may be lost; into one
 * account none may be lost; one redemption code is checked off once however many clerks try.
 */
const CODES = ['timebank.insufficient', 'timebank.code_used'];

describeEachDialect('time bank under concurrency', (env) => {
  let wide: Database | undefined;
  let ctx: ServiceContext;
  const scope = () => new Scope([DISTRICT], env.dialect);

  beforeAll(async () => {
    if (env.handle.databaseUrl) {
      wide = openDatabase({ dataDir: env.handle.dataDir, databaseUrl: env.handle.databaseUrl, poolSize: 24 });
      ctx = createServiceContext(env.config, wide, env.now);
    } else {
      ctx = env.ctx;
    }
  });
  afterAll(async () => {
    await wide?.close();
  });

  /** Runs all at once; the outcome of each: 'ok' or the refusal's code. */
  const race = (work: (() => Promise<unknown>)[]) =>
    Promise.all(
      work.map((run) =>
        run().then(
          () => 'ok',
          (error: unknown) => {
            if (error instanceof DomainError && CODES.includes(error.code)) return error.code;
            throw error;
          },
        ),
      ),
    );

  it('never takes an account below its floor and loses no update', async () => {
    const [payer, ...payees] = await personAccounts(env, QINGNIAN, 9);
    const team = await organizationAccount(env, QINGNIAN, '青年社区应急服务队');
    const service = new TimebankService(ctx);
    // 60 (starter grant) + 140 = 200 minutes; 48 transfers of 10 want 480.
    await service.transfer(scope(), { from: team.id, to: payer!.id, minutes: 140 }, SYSTEM_ACTOR);
    const outcomes = await race(
      Array.from(
        { length: 48 },
        (_, i) => () =>
          service.transfer(
            scope(),
            { from: payer!.id, to: payees[i % payees.length]!.id, minutes: 10 },
            SYSTEM_ACTOR,
          ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(20);
    expect(outcomes.filter((o) => o === 'timebank.insufficient')).toHaveLength(28);
    const after = await service.get(scope(), payer!.id);
    expect(after.account.balance_minutes).toBe(0);
    expect(await ledgerCheck(env)).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  }, 120_000);

  it('loses no credit when many accounts pay into one at once, in both directions', async () => {
    const accounts = await personAccounts(env, QINGNIAN, 8);
    const [target, ...others] = accounts;
    const service = new TimebankService(ctx);
    // Each of the others pays 5 into the target while the target pays 1 back to each: opposite
    // directions between the same pairs must neither deadlock nor lose a minute.
    const outcomes = await race(
      others.flatMap((other) => [
        () => service.transfer(scope(), { from: other.id, to: target!.id, minutes: 5 }, SYSTEM_ACTOR),
        () => service.transfer(scope(), { from: target!.id, to: other.id, minutes: 1 }, SYSTEM_ACTOR),
      ]),
    );
    expect(outcomes.every((o) => o === 'ok')).toBe(true);
    expect((await service.get(scope(), target!.id)).account.balance_minutes).toBe(60 + 7 * 5 - 7);
    expect(await ledgerCheck(env)).toEqual({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  }, 120_000);

  it('checks a redemption code off once however many clerks try at once', async () => {
    const [buyer] = await personAccounts(env, QINGNIAN, 1);
    const market = new MarketService(ctx);
    const item = await market.createItem(
      scope(),
      { regionCode: QINGNIAN, name: '面粉', priceMinutes: 20, stock: 3 },
      SYSTEM_ACTOR,
    );
    const order = await market.order(scope(), item.id, { accountId: buyer!.id, quantity: 1 }, SYSTEM_ACTOR);
    const outcomes = await race(
      Array.from({ length: 16 }, () => () => market.redeem(scope(), order.code, SYSTEM_ACTOR)),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'timebank.code_used')).toHaveLength(15);
  }, 120_000);
});
