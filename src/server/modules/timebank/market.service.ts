import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import { pageById } from '../../http/pagination.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { accountsRepository } from './accounts.repository.js';
import { postTransfer, systemAccount } from './ledger.js';
import { marketRepository } from './market.repository.js';
import type { TimebankItem, TimebankOrder } from './timebank.tables.js';

/** How long a redemption code stays good; after that the order refunds. */
export const CODE_VALID_DAYS = 30;
const DAY_MS = 86_400_000;
const PAYING_KINDS = new Set(['person', 'household']);

/**
 * 爱心超市: items priced in minutes, orders paid into the community fund, each with a six-digit
 * code a clerk checks off once. Only a keyed hash of the code is stored; a lapsed code refunds
 * (by `refundLapsedOrders`, or when a clerk tries it).
 */
export class MarketService {
  constructor(private readonly ctx: ServiceContext) {}

  private hash(code: string): string {
    return this.ctx.crypto.blindIndex('timebank.redemption_code', code);
  }

  async createItem(
    scope: Scope,
    input: { regionCode: string; name: string; priceMinutes: number; stock: number },
    actor: AuditActor,
  ): Promise<TimebankItem> {
    if (!scope.includes(input.regionCode)) throw fieldError('regionCode', 'timebank.unknown_region');
    const at = this.ctx.now().toISOString();
    const item: TimebankItem = {
      id: uuidv7(),
      district_code: districtOf(input.regionCode),
      region_code: input.regionCode,
      name: input.name,
      price_minutes: input.priceMinutes,
      stock: input.stock,
      created_at: at,
      updated_at: at,
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await marketRepository.insertItem(trx, item);
      await this.ctx.audit.append(trx, actor, {
        action: 'timebank.item_saved',
        targetType: 'timebank_item',
        targetId: item.id,
        regionCode: item.region_code,
        summary: { name: item.name, priceMinutes: item.price_minutes, stock: item.stock },
      });
    });
    return item;
  }

  async items(scope: Scope, query: { cursor?: string | undefined; limit: number }) {
    return pageById(query, (after, limit) =>
      marketRepository.items(this.ctx.database.db, scope, { after, limit: limit }),
    );
  }

  /** Orders an item for an account in scope; answers the code, which is shown this once. */
  async order(
    scope: Scope,
    itemId: string,
    input: { accountId: string; quantity: number },
    actor: AuditActor,
  ): Promise<{ id: string; code: string; minutes: number; expiresAt: string }> {
    const now = this.ctx.now();
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + CODE_VALID_DAYS * DAY_MS).toISOString();
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const item = await marketRepository.itemInScope(trx, scope, itemId);
      if (!item) throw notFound('timebank.item_not_found');
      const account = await accountsRepository.findInScope(trx, scope, input.accountId);
      if (!account || !PAYING_KINDS.has(account.owner_kind))
        throw fieldError('accountId', 'timebank.unknown_account');
      if (!(await marketRepository.takeStock(trx, item.id, input.quantity, at)))
        throw conflict('timebank.out_of_stock');
      const minutes = Number(item.price_minutes) * input.quantity;
      const fund = await systemAccount(trx, 'fund', item.region_code, at);
      const id = uuidv7();
      const payId = await postTransfer(trx, {
        from: account,
        to: fund,
        minutes,
        kind: 'redemption',
        memo: `${item.name} × ${input.quantity}`,
        ref: `order:${id}`,
        createdBy: actor.id,
        at,
      });
      const code = await this.freshCode(trx, item.district_code);
      await marketRepository.insertOrder(trx, {
        id,
        district_code: item.district_code,
        region_code: item.region_code,
        item_id: item.id,
        account_id: account.id,
        quantity: input.quantity,
        minutes,
        code_hash: this.hash(code),
        status: 'pending',
        expires_at: expiresAt,
        used_at: null,
        used_by: null,
        pay_transfer_id: payId,
        refund_transfer_id: null,
        created_at: at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'timebank.ordered',
        targetType: 'timebank_order',
        targetId: id,
        regionCode: item.region_code,
        summary: { item: item.id, account: account.id, quantity: input.quantity, minutes },
      });
      return { id, code, minutes, expiresAt };
    });
  }

  /** A code no pending order of the district holds (a million codes; clashes are rare and redrawn). */
  private async freshCode(trx: Executor, districtCode: string): Promise<string> {
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!(await marketRepository.pendingCodeTaken(trx, districtCode, this.hash(code)))) return code;
    }
  }

  /**
   * The clerk checks a code off: once (409 timebank.code_used after), within its validity (a
   * lapsed code refunds now and answers 409 timebank.code_expired). Codes outside the clerk's
   * scope do not exist for them.
   */
  async redeem(scope: Scope, code: string, actor: AuditActor) {
    const { db } = this.ctx.database;
    const at = this.ctx.now().toISOString();
    const outcome = await db.transaction().execute(async (trx) => {
      const order = await marketRepository.orderByCode(trx, scope, this.hash(code));
      if (!order) throw notFound('timebank.code_not_found');
      if (order.status === 'redeemed') throw conflict('timebank.code_used');
      if (order.status === 'refunded') throw conflict('timebank.code_expired');
      if (order.expires_at <= at) {
        await this.refund(trx, order, actor, at);
        return 'expired' as const;
      }
      if (!(await marketRepository.markRedeemed(trx, order.id, at, actor.id)))
        throw conflict('timebank.code_used');
      await this.ctx.audit.append(trx, actor, {
        action: 'timebank.redeemed',
        targetType: 'timebank_order',
        targetId: order.id,
        regionCode: order.region_code,
        summary: { item: order.item_id, quantity: order.quantity },
      });
      return {
        orderId: order.id,
        itemName: order.item_name,
        quantity: order.quantity,
        minutes: Number(order.minutes),
      };
    });
    // Thrown after the commit, so the refund stands.
    if (outcome === 'expired') throw conflict('timebank.code_expired');
    return outcome;
  }

  /** Refunds one lapsed order (once: the conditional status change decides who writes it). */
  private async refund(trx: Executor, order: TimebankOrder, actor: AuditActor, at: string): Promise<boolean> {
    if (!(await marketRepository.markRefunded(trx, order.id, at))) return false;
    const fund = await systemAccount(trx, 'fund', order.region_code, at);
    const account = (await accountsRepository.findUnscoped(trx, order.account_id))!;
    const refundId = await postTransfer(trx, {
      from: fund,
      to: account,
      minutes: Number(order.minutes),
      kind: 'refund',
      memo: '兑换码过期退回',
      ref: `order:${order.id}:refund`,
      createdBy: actor.id,
      at,
    });
    await marketRepository.setRefundTransfer(trx, order.id, refundId);
    await marketRepository.returnStock(trx, order.item_id, order.quantity, at);
    await this.ctx.audit.append(trx, actor, {
      action: 'timebank.order_refunded',
      targetType: 'timebank_order',
      targetId: order.id,
      regionCode: order.region_code,
      summary: { minutes: order.minutes },
    });
    return true;
  }

  /** The sweep: refunds every order whose code lapsed unused. Safe to run repeatedly and at once. */
  async refundLapsedOrders(now: Date = this.ctx.now()): Promise<number> {
    const at = now.toISOString();
    let refunded = 0;
    for (;;) {
      const batch = await this.ctx.database.db.transaction().execute(async (trx) => {
        let done = 0;
        const lapsed = await marketRepository.lapsed(trx, at, 100);
        for (const order of lapsed) if (await this.refund(trx, order, SYSTEM_ACTOR, at)) done += 1;
        return { done, seen: lapsed.length };
      });
      refunded += batch.done;
      if (batch.seen < 100 || batch.done === 0) return refunded;
    }
  }
}
