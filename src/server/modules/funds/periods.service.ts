import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { ledgerRepository } from './ledger.repository.js';
import { openAccounts, organizationIn } from './ledger.service.js';

/** Month-end close (月结): a closed month of an organization's ledger takes no more postings. */
export class PeriodsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Every month that has vouchers or is closed, newest first, with its counts. */
  async list(scope: Scope, organizationId: string) {
    const { db } = this.ctx.database;
    const org = await organizationIn(db, scope, organizationId);
    const [closed, counts] = await Promise.all([
      ledgerRepository.closedPeriods(db, org.id),
      ledgerRepository.periodCounts(db, org.id),
    ]);
    const months = new Set([...closed.map((c) => c.period), ...counts.map((c) => c.period)]);
    return [...months]
      .sort()
      .reverse()
      .map((period) => {
        const close = closed.find((c) => c.period === period);
        const count = (status: string) =>
          Number(counts.find((c) => c.period === period && c.status === status)?.n ?? 0);
        return {
          period,
          closed: close !== undefined,
          closedByName: close?.closed_by_name ?? null,
          closedAt: close?.closed_at ?? null,
          posted: count('posted'),
          pending: count('pending'),
        };
      });
  }

  /**
   * Closes a month that has ended and has no voucher still waiting for approval (a waiting voucher
   * could otherwise never be posted).
   */
  async close(scope: Scope, organizationId: string, period: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const org = await organizationIn(trx, scope, organizationId);
      await openAccounts(trx, org.id);
      if (period >= beijingMonth(this.ctx.now())) throw conflict('fund.period_future', { period });
      if (await ledgerRepository.closedPeriod(trx, org.id, period))
        throw conflict('fund.period_already_closed', { period });
      const pending = (await ledgerRepository.periodCounts(trx, org.id)).find(
        (c) => c.period === period && c.status === 'pending',
      );
      if (pending && Number(pending.n) > 0)
        throw conflict('fund.period_has_pending', { period, count: Number(pending.n) });
      await ledgerRepository.closePeriod(trx, {
        district_code: org.district_code,
        organization_id: org.id,
        period,
        closed_by: actor.id,
        closed_by_name: actor.name,
        closed_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'fund.period_closed',
        targetType: 'organization',
        targetId: org.id,
        regionCode: org.region_code,
        summary: { period },
      });
    });
    return this.list(scope, organizationId);
  }
}
