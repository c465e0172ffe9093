import type { Statement } from '../../../shared/api/funds.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { fieldError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { addMonths } from './dues-rules.js';
import { ledgerRepository } from './ledger.repository.js';
import { organizationIn } from './ledger.service.js';
import { onNormalSide } from './ledger-rules.js';

/**
 * Statements of an organization's ledger over a range of months: each account's opening balance,
 * debits, credits and closing balance (on its normal side), and with one account named its entries
 * with the running balance. Computed from the posted lines, not the cached balances, so the two can
 * be checked against each other.
 */
export async function statementOf(
  ctx: ServiceContext,
  scope: Scope,
  organizationId: string,
  range: { from?: string | undefined; to?: string | undefined; account?: string | undefined },
): Promise<Statement & { organizationName: string }> {
  const month = beijingMonth(ctx.now());
  const query = { ...range, from: range.from ?? `${month.slice(0, 4)}-01`, to: range.to ?? month };
  if (query.from > query.to) throw fieldError('querystring.from', 'fund.range_order');
  const { db } = ctx.database;
  const org = await organizationIn(db, scope, organizationId);
  // A ledger not opened yet has no accounts: its statement is empty, not an error.
  const accounts = await ledgerRepository.accounts(db, org.id);
  if (query.account && !accounts.some((a) => a.id === query.account))
    throw fieldError('querystring.account', 'fund.account_not_found');
  const [before, within] = await Promise.all([
    ledgerRepository.postedSums(db, org.id, undefined, addMonths(query.from, -1)),
    ledgerRepository.postedSums(db, org.id, query.from, query.to),
  ]);
  const sums = (rows: typeof before, id: string) => {
    const row = rows.find((r) => r.account_id === id);
    return { debit: Number(row?.debit ?? 0), credit: Number(row?.credit ?? 0) };
  };
  const rows = accounts.map((a) => {
    const opening = sums(before, a.id);
    const moved = sums(within, a.id);
    const openingNet = opening.debit - opening.credit;
    return {
      accountId: a.id,
      code: a.code,
      name: a.name,
      type: a.type,
      openingFen: onNormalSide(a.type, openingNet),
      debitFen: moved.debit,
      creditFen: moved.credit,
      closingFen: onNormalSide(a.type, openingNet + moved.debit - moved.credit),
    };
  });
  const entries: Statement['entries'] = [];
  const account = accounts.find((a) => a.id === query.account);
  if (account) {
    let balance = rows.find((r) => r.accountId === account.id)!.openingFen;
    for (const e of await ledgerRepository.entries(db, account.id, query.from, query.to)) {
      const debit = Number(e.debit_fen);
      const credit = Number(e.credit_fen);
      balance += onNormalSide(account.type, debit - credit);
      entries.push({
        voucherId: e.voucher_id,
        number: e.number,
        date: e.voucher_date,
        summary: e.summary,
        debitFen: debit,
        creditFen: credit,
        balanceFen: balance,
      });
    }
  }
  return { organizationName: org.name, from: query.from, to: query.to, rows, entries };
}
