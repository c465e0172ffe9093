import { sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { type LedgerLine, ledgerWithSides } from './accounts.repository.js';
import type { TimebankAccount } from './timebank.tables.js';

/** An instant range, `from` included, `to` not (ISO strings compare as the instants they name). */
export interface Range {
  from: string;
  to: string;
}

/**
 * Reads of the ledger for statements, rankings and one's own account. Reads only: every write of
 * the ledger goes through accounts.repository.ts (postTransfer).
 */
export const reportsRepository = {
  /** An account's ledger rows in a period with both sides of each transfer, in the order written. */
  ledgerBetween: (db: Executor, accountId: string, range: Range): Promise<LedgerLine[]> =>
    ledgerWithSides(db)
      .where('l.account_id', '=', accountId)
      .where('l.created_at', '>=', range.from)
      .where('l.created_at', '<', range.to)
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute(),

  /** The sum of an account's rows before an instant: its balance then (a statement's opening). */
  sumBefore: async (db: Executor, accountId: string, before: string): Promise<number> => {
    const row = await db
      .selectFrom('timebank_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('total'))
      .where('account_id', '=', accountId)
      .where('created_at', '<', before)
      .executeTakeFirstOrThrow();
    return Number(row.total);
  },

  /**
   * Persons' accounts in scope ranked by what they earned in a period: `service`, the volunteer
   * hours credited (transfers of kind credit), or `earned`, those and the board's help paid out
   * (release). Ties go by account id, so pages of equal figures are stable.
   */
  ranking: (db: Executor, scope: Scope, range: Range, by: 'service' | 'earned', limit: number) => {
    const service = sql<number>`sum(case when t.kind = 'credit' then l.minutes else 0 end)`;
    const earned = sql<number>`sum(l.minutes)`;
    const measure = by === 'service' ? service : earned;
    return db
      .selectFrom('timebank_ledger as l')
      .innerJoin('timebank_transfers as t', 't.id', 'l.transfer_id')
      .innerJoin('timebank_accounts as a', 'a.id', 'l.account_id')
      .select(['a.id', 'a.owner_name', 'a.region_code', service.as('service'), earned.as('earned')])
      .where(scope.covers('a.region_code'))
      .where('a.owner_kind', '=', 'person')
      .where('t.kind', 'in', ['credit', 'release'])
      .where('l.minutes', '>', 0)
      .where('l.created_at', '>=', range.from)
      .where('l.created_at', '<', range.to)
      .groupBy(['a.id', 'a.owner_name', 'a.region_code'])
      .having(measure, '>', 0)
      .orderBy(measure, 'desc')
      .orderBy('a.id')
      .limit(limit)
      .execute();
  },

  /**
   * The time-bank account of the register person a staff user is linked to as a member
   * (`members.user_id`), the oldest when the person has several member rows: one's own account.
   */
  accountOfUser: (db: Executor, userId: string): Promise<TimebankAccount | undefined> =>
    db
      .selectFrom('timebank_accounts')
      .selectAll()
      .where('owner_kind', '=', 'person')
      .where('owner_id', 'in', (eb) =>
        eb.selectFrom('members').select('members.person_id').where('members.user_id', '=', userId),
      )
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst(),
};
