import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../auth/scope.js';
import { conflict, DomainError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { collectivesRepository } from './collectives.repository.js';
import { CollectivesService } from './collectives.service.js';
import { computeDividend } from './dividend.js';
import { type DividendRunRow, dividendsRepository } from './dividends.repository.js';

/**
 * Dividend runs (分红方案): drafted from a year's income, the collective's retention rate and its
 * shareholders on the register, then approved by someone other than the drafter, which freezes the
 * run, its payouts and the year's income.
 */
export class DividendsService {
  private readonly collectives: CollectivesService;

  constructor(private readonly ctx: ServiceContext) {
    this.collectives = new CollectivesService(ctx);
  }

  /** Drafts the year's run (replacing an earlier draft of it); returns the run's id. */
  async draft(scope: Scope, collectiveId: string, year: number, actor: AuditActor): Promise<string> {
    const collective = await this.collectives.inScope(scope, collectiveId);
    const { db } = this.ctx.database;
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      const existing = await dividendsRepository.ofYear(trx, collectiveId, year);
      if (existing?.status === 'approved') throw conflict('collective.year_closed', { year });
      const income = await collectivesRepository.incomeOfYear(trx, collectiveId, year);
      if (income.entries === 0) throw new DomainError('collective.no_income', 409, { year });
      const holdings = await collectivesRepository.holdings(trx, collectiveId);
      if (holdings.length === 0) throw conflict('collective.no_shareholders');
      if (existing) await dividendsRepository.deleteDraft(trx, existing.id);
      const result = computeDividend({
        incomeFen: income.fen,
        retentionBp: collective.retention_bp,
        holdings: holdings.map((h) => ({ personId: h.person_id, shares: h.shares })),
      });
      await dividendsRepository.insertRun(trx, {
        id,
        district_code: collective.district_code,
        region_code: collective.region_code,
        collective_id: collectiveId,
        year,
        income_fen: income.fen,
        retention_bp: collective.retention_bp,
        retained_fen: result.retainedFen,
        remainder_fen: result.remainderFen,
        total_shares: result.totalShares,
        per_share_fen: result.perShareFen,
        paid_fen: result.paidFen,
        status: 'draft',
        drafted_by: actor.id!,
        drafted_by_name: actor.name ?? '',
        drafted_at: this.ctx.now().toISOString(),
      });
      await dividendsRepository.insertPayouts(
        trx,
        result.payouts.map((p) => ({
          district_code: collective.district_code,
          run_id: id,
          person_id: p.personId,
          shares: p.shares,
          amount_fen: p.amountFen,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'dividend.drafted',
        targetType: 'dividend_run',
        targetId: id,
        regionCode: collective.region_code,
        summary: {
          year,
          incomeFen: income.fen,
          perShareFen: result.perShareFen,
          retainedFen: result.retainedFen,
        },
      });
    });
    return id;
  }

  async runInScope(scope: Scope, id: string): Promise<DividendRunRow> {
    const run = await dividendsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!run) throw notFound('collective.run_not_found');
    return run;
  }

  /** Approves a draft: never by the person who drafted it (四眼原则); the run is frozen after. */
  async approve(scope: Scope, id: string, actor: AuditActor): Promise<DividendRunRow> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const run = await dividendsRepository.findInScope(trx, scope, id);
      if (!run) throw notFound('collective.run_not_found');
      if (run.status !== 'draft') throw conflict('collective.run_frozen');
      if (run.drafted_by === actor.id) throw new DomainError('collective.same_approver', 403);
      const won = await dividendsRepository.approve(trx, id, {
        id: actor.id!,
        name: actor.name ?? '',
        at: this.ctx.now().toISOString(),
      });
      if (!won) throw conflict('collective.run_frozen');
      await this.ctx.audit.append(trx, actor, {
        action: 'dividend.approved',
        targetType: 'dividend_run',
        targetId: id,
        regionCode: run.region_code,
        summary: { year: run.year, paidFen: run.paid_fen, retainedFen: run.retained_fen },
      });
    });
    return this.runInScope(scope, id);
  }

  async payouts(scope: Scope, id: string, after: string | undefined, limit: number) {
    await this.runInScope(scope, id);
    return dividendsRepository.payouts(this.ctx.database.db, id, after, limit);
  }
}
