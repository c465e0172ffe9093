import type { FundAccount, VoucherDetail, VoucherSummary } from '../../../shared/api/funds.js';
import type { AccountRow, LineRow, VoucherRow } from './ledger.repository.js';
import { onNormalSide } from './ledger-rules.js';

/** Rows of the ledger as the API answers them (bigints as numbers, flags as booleans). */

export const toAccount = (row: AccountRow): FundAccount => ({
  id: row.id,
  organizationId: row.organization_id,
  code: row.code,
  name: row.name,
  type: row.type,
  fund: row.fund,
  restricted: row.restricted === 1,
  spendingKind: row.spending_kind,
  balanceFen: onNormalSide(row.type, Number(row.balance_fen)),
});

export const toVoucherSummary = (row: VoucherRow): VoucherSummary => ({
  id: row.id,
  organizationId: row.organization_id,
  number: row.number,
  period: row.period,
  date: row.voucher_date,
  summary: row.summary,
  kind: row.kind,
  spendingKind: row.spending_kind,
  totalFen: Number(row.total_fen),
  status: row.status,
  madeByName: row.made_by_name,
  approvedByName: row.approved_by_name,
  transferId: row.transfer_id,
  createdAt: row.created_at,
});

export const toVoucherDetail = (
  detail: { voucher: VoucherRow; lines: LineRow[]; beneficiaryCount: number },
  caller: { userId: string; mayApprove: boolean },
): VoucherDetail => ({
  ...toVoucherSummary(detail.voucher),
  attachmentCount: detail.voucher.attachment_count,
  madeBy: detail.voucher.made_by,
  approvedBy: detail.voucher.approved_by,
  approvedAt: detail.voucher.approved_at,
  note: detail.voucher.note,
  lines: detail.lines.map((line) => ({
    accountId: line.account_id,
    accountCode: line.account_code,
    accountName: line.account_name,
    debitFen: Number(line.debit_fen),
    creditFen: Number(line.credit_fen),
    memo: line.memo,
  })),
  beneficiaryCount: detail.beneficiaryCount,
  canApprove:
    detail.voucher.status === 'pending' && caller.mayApprove && detail.voucher.made_by !== caller.userId,
});
