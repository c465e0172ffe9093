import type { TransferKindName } from '../../../shared/api/timebank.js';
import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { accountsRepository } from './accounts.repository.js';
import { reportsRepository } from './reports.repository.js';
import { counterpartOf, type NameRule, shownName } from './timebank.present.js';
import type { OwnerKind, TimebankAccount } from './timebank.tables.js';

/** One ledger row of a statement, with the balance after it. */
export interface StatementLine {
  at: string;
  kind: TransferKindName;
  counterparty: string;
  memo: string;
  /** Signed: what came in is positive, what went out negative. */
  minutes: number;
  balance: number;
}

/**
 * An account's monthly statement (对账单): the balance at the start of the Beijing month, every
 * ledger row of the month with the running balance, and the balance at its end. `closing` is
 * `opening` plus every row, which is the account's balance at the month's end: rows are never
 * changed, so a statement of a past month reads the same whenever it is made.
 */
export interface Statement {
  account: { id: string; name: string; kind: OwnerKind; regionCode: string };
  month: string;
  opening: number;
  /** Minutes in (the sum of the positive rows) and out (of the negative ones, as a positive number). */
  credits: number;
  debits: number;
  closing: number;
  lines: StatementLine[];
  generatedAt: string;
}

/** The instants a Beijing month (`YYYY-MM`) runs between: its first midnight, and the next month's. */
export function monthRange(month: string): { from: string; to: string } {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  const start = (y: number, m: number) => {
    const text = `${String(y + Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
    return new Date(Date.parse(`${text}-01T00:00:00+08:00`)).toISOString();
  };
  return { from: start(year, index), to: start(year, index + 1) };
}

export class StatementsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The statement of an account in scope (404 outside it); counterparts outside it show masked. */
  async inScope(scope: Scope, id: string, month: string): Promise<Statement> {
    this.checkMonth(month);
    const account = await accountsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!account) throw notFound('timebank.account_not_found');
    return this.of(account, month, (side) => scope.includes(side.regionCode));
  }

  /** The statement of one's own account (a member's, a resident's): other people show masked. */
  own(account: TimebankAccount | undefined, month: string): Promise<Statement> {
    this.checkMonth(month);
    if (!account) throw notFound('timebank.no_own_account');
    return this.of(account, month, () => false);
  }

  /** A month not begun yet has no statement (its figures would change). */
  private checkMonth(month: string): void {
    if (month > beijingMonth(this.ctx.now().toISOString()))
      throw fieldError('params.month', 'timebank.month_future');
  }

  private async of(account: TimebankAccount, month: string, mayKnow: NameRule): Promise<Statement> {
    const { db } = this.ctx.database;
    const range = monthRange(month);
    const [opening, rows] = await Promise.all([
      reportsRepository.sumBefore(db, account.id, range.from),
      reportsRepository.ledgerBetween(db, account.id, range),
    ]);
    let balance = opening;
    let credits = 0;
    let debits = 0;
    const lines = rows.map((row): StatementLine => {
      const minutes = Number(row.minutes);
      balance += minutes;
      if (minutes > 0) credits += minutes;
      else debits -= minutes;
      return {
        at: row.created_at,
        kind: row.kind,
        counterparty: shownName(counterpartOf(row), mayKnow),
        memo: row.memo,
        minutes,
        balance,
      };
    });
    return {
      account: {
        id: account.id,
        name: account.owner_name,
        kind: account.owner_kind,
        regionCode: account.region_code,
      },
      month,
      opening,
      credits,
      debits,
      closing: balance,
      lines,
      generatedAt: this.ctx.now().toISOString(),
    };
  }
}
