import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { LoanSettings, loanSettingsBody } from '../../../shared/api/loans.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { loanSettingsRepository, type SettingsRow } from './loan-settings.repository.js';

/**
 * What a district starts with until its administrator changes it: the national cap for an
 * individual (¥300,000 over at most three years), a rate near the one-year LPR with half of the
 * interest borne by the treasury, the documents a guarantee centre asks for, and step deadlines.
 */
export const DEFAULT_LOAN_SETTINGS: Omit<LoanSettings, 'districtCode' | 'changedAt' | 'changedBy'> = {
  maxAmountFen: 30_000_000,
  maxTermMonths: 36,
  annualRateBp: 345,
  subsidyShareBp: 5000,
  requiredDocuments: ['身份证', '户口簿', '营业执照', '创业培训合格证', '经营场所证明'],
  stepDays: { submitted: 3, community_review: 5, centre_review: 7, bank_approval: 10 },
};

const toSettings = (districtCode: string, row: SettingsRow | undefined): LoanSettings =>
  row
    ? {
        districtCode,
        maxAmountFen: row.max_amount_fen,
        maxTermMonths: row.max_term_months,
        annualRateBp: row.annual_rate_bp,
        subsidyShareBp: row.subsidy_share_bp,
        requiredDocuments: JSON.parse(row.required_documents) as string[],
        stepDays: {
          submitted: row.submitted_days,
          community_review: row.community_review_days,
          centre_review: row.centre_review_days,
          bank_approval: row.bank_approval_days,
        },
        changedAt: row.changed_at,
        changedBy: row.changed_by,
      }
    : { districtCode, ...DEFAULT_LOAN_SETTINGS, changedAt: null, changedBy: null };

/** A district's settings now (the latest change, or the defaults). */
export async function loanSettingsOf(db: Executor, districtCode: string): Promise<LoanSettings> {
  return toSettings(districtCode, await loanSettingsRepository.latest(db, districtCode));
}

export class LoanSettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async read(districtCode: string): Promise<{ current: LoanSettings; changes: LoanSettings[] }> {
    const { db } = this.ctx.database;
    const rows = await loanSettingsRepository.changes(db, districtCode);
    return {
      current: toSettings(districtCode, rows[0]),
      changes: rows.map((row) => toSettings(districtCode, row)),
    };
  }

  /** Only an administrator over the whole district (403 otherwise): every community lends by them. */
  async change(
    scope: Scope,
    districtCode: string,
    input: z.output<typeof loanSettingsBody>,
    actor: AuditActor,
  ): Promise<LoanSettings> {
    if (!scope.coversSubtree(districtCode)) throw new DomainError('loan.district_wide', 403);
    const at = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const before = await loanSettingsOf(trx, districtCode);
      await loanSettingsRepository.insert(trx, {
        id: uuidv7(),
        district_code: districtCode,
        max_amount_fen: input.maxAmountFen,
        max_term_months: input.maxTermMonths,
        annual_rate_bp: input.annualRateBp,
        subsidy_share_bp: input.subsidyShareBp,
        required_documents: JSON.stringify([...new Set(input.requiredDocuments)]),
        submitted_days: input.stepDays.submitted,
        community_review_days: input.stepDays.community_review,
        centre_review_days: input.stepDays.centre_review,
        bank_approval_days: input.stepDays.bank_approval,
        changed_by: actor.id,
        changed_at: at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'loan.settings_changed',
        targetType: 'loan_settings',
        targetId: districtCode,
        regionCode: districtCode,
        summary: { before: { ...before, changedAt: undefined, changedBy: undefined }, after: input },
      });
    });
    return loanSettingsOf(this.ctx.database.db, districtCode);
  }
}
