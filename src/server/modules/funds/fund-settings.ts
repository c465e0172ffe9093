import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { ledgerRepository } from './ledger.repository.js';

/** Vouchers above ¥1,000 wait for a second person until a district sets its own threshold. */
export const DEFAULT_APPROVAL_THRESHOLD_FEN = 100_000;

export interface FundSettings {
  districtCode: string;
  approvalThresholdFen: number;
  changedAt: string | null;
  changedBy: string | null;
}

export async function fundSettingsOf(db: Executor, districtCode: string): Promise<FundSettings> {
  const row = await ledgerRepository.latestSettings(db, districtCode);
  return row
    ? {
        districtCode,
        approvalThresholdFen: Number(row.approval_threshold_fen),
        changedAt: row.changed_at,
        changedBy: row.changed_by,
      }
    : {
        districtCode,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN,
        changedAt: null,
        changedBy: null,
      };
}

/** Changes a district's threshold: only an approver over the whole district (403 otherwise). */
export async function changeFundSettings(
  ctx: ServiceContext,
  scope: Scope,
  districtCode: string,
  approvalThresholdFen: number,
  actor: AuditActor,
): Promise<FundSettings> {
  if (!scope.coversSubtree(districtCode)) throw new DomainError('fund.district_wide', 403);
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await fundSettingsOf(trx, districtCode);
    await ledgerRepository.insertSettings(trx, {
      id: uuidv7(),
      district_code: districtCode,
      approval_threshold_fen: approvalThresholdFen,
      changed_by: actor.id,
      changed_at: ctx.now().toISOString(),
    });
    await ctx.audit.append(trx, actor, {
      action: 'fund.settings_changed',
      targetType: 'fund_settings',
      targetId: districtCode,
      regionCode: districtCode,
      summary: { before: before.approvalThresholdFen, after: approvalThresholdFen },
    });
  });
  return fundSettingsOf(ctx.database.db, districtCode);
}
