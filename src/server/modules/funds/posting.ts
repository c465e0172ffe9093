import type { Executor } from '../../db/database.js';
import { conflict } from '../../http/errors.js';
import { ledgerRepository } from './ledger.repository.js';

/**
 * The ledger's one write path into balances: a voucher's lines move their accounts' cached balances
 * (debits − credits) in the caller's transaction, after checking that the voucher's month is open.
 * Called when a voucher is made under the threshold and when one above it is approved.
 */
export async function postVoucher(
  trx: Executor,
  voucher: { id: string; organization_id: string; period: string },
): Promise<void> {
  await refuseClosed(trx, voucher.organization_id, voucher.period);
  const lines = await ledgerRepository.lines(trx, voucher.id);
  // Account-id order, so two postings touching the same accounts lock them alike (no deadlock).
  const deltas = new Map<string, number>();
  for (const line of lines)
    deltas.set(
      line.account_id,
      (deltas.get(line.account_id) ?? 0) + Number(line.debit_fen) - Number(line.credit_fen),
    );
  for (const accountId of [...deltas.keys()].sort()) {
    const delta = deltas.get(accountId)!;
    if (delta !== 0) await ledgerRepository.moveBalance(trx, accountId, delta);
  }
}

/** 409 `fund.period_closed` when the organization has closed the month. */
export async function refuseClosed(db: Executor, organizationId: string, period: string): Promise<void> {
  if (await ledgerRepository.closedPeriod(db, organizationId, period))
    throw conflict('fund.period_closed', { period });
}
