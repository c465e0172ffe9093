import type { LoanInstalment, LoanStatus } from '../../api/loans';

/** Fen as yuan with both decimals for a ledger: 1234567 → "12,345.67". */
export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Yuan typed in a form (up to two decimals) as the integer fen the server takes. */
export const fenOf = (yuanValue: number): number => Math.round(yuanValue * 100);

/**
 * A borrower's name in a list, masked (张三丰 → 张**): the list is read by the guarantee centre and
 * the bank, who need the number and the amount; the application page shows the register's masked
 * particulars to whoever opens it.
 */
export const maskName = (name: string): string => {
  const chars = [...name];
  if (chars.length === 0) return '—';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
};

export type InstalmentState = 'paid' | 'partial' | 'late' | 'due';

/** What an instalment's row says in words: paid, partly paid, late (due and not paid), not yet due. */
export function instalmentState(instalment: LoanInstalment, today: string): InstalmentState {
  const owed = instalment.principalFen + instalment.borrowerInterestFen;
  if (instalment.paidFen >= owed) return 'paid';
  if (instalment.dueOn < today) return 'late';
  return instalment.paidFen > 0 ? 'partial' : 'due';
}

/** The workflow's road as the page's Steps show it, and where a status stands on it. */
export const LOAN_ROAD = [
  'submitted',
  'community_review',
  'centre_review',
  'bank_approval',
  'repaying',
  'closed',
] as const;

export function roadIndexOf(status: LoanStatus): number {
  if (status === 'disbursed') return LOAN_ROAD.indexOf('repaying');
  const index = (LOAN_ROAD as readonly string[]).indexOf(status);
  return index;
}
