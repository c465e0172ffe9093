import { type Insertable, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  OwnerKind,
  TimebankAccount,
  TimebankAccountTable,
  TimebankLedgerRow,
  TimebankLedgerTable,
  TimebankTransfer,
  TimebankTransferTable,
} from './timebank.tables.js';

export interface LimitRow {
  owner_kind: OwnerKind;
  floor_minutes: number;
  ceiling_minutes: number;
  starter_grant_minutes: number;
  changed_by: string | null;
  changed_at: string;
}

/** A LIKE pattern matching `text` anywhere, with the pattern's own wildcards escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Ledger rows with their transfer and both of its accounts: the counterpart of a row is the side
 * that is not the row's own account (see timebank.present.ts).
 */
export const ledgerWithSides = (db: Executor) =>
  db
    .selectFrom('timebank_ledger as l')
    .innerJoin('timebank_transfers as t', 't.id', 'l.transfer_id')
    .innerJoin('timebank_accounts as fa', 'fa.id', 't.from_account_id')
    .innerJoin('timebank_accounts as ta', 'ta.id', 't.to_account_id')
    .select([
      'l.id',
      'l.transfer_id',
      'l.account_id',
      'l.minutes',
      'l.created_at',
      't.kind',
      't.memo',
      't.from_account_id',
      't.to_account_id',
      't.reverses_id',
      'fa.owner_name as from_name',
      'fa.owner_kind as from_kind',
      'fa.region_code as from_region',
      'ta.owner_name as to_name',
      'ta.owner_kind as to_kind',
      'ta.region_code as to_region',
    ]);
export type LedgerLine = Awaited<ReturnType<ReturnType<typeof ledgerWithSides>['execute']>>[number];

/** Only this file touches timebank_accounts, timebank_transfers, timebank_ledger and the limits. */
export const accountsRepository = {
  findInScope: (db: Executor, scope: Scope, id: string): Promise<TimebankAccount | undefined> =>
    db
      .selectFrom('timebank_accounts')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('timebank_accounts.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads an account back after a scoped check or a write, or for system work. */
  findUnscoped: (db: Executor, id: string): Promise<TimebankAccount | undefined> =>
    db.selectFrom('timebank_accounts').selectAll().where('id', '=', id).executeTakeFirst(),

  byOwnerKey: (db: Executor, ownerKey: string): Promise<TimebankAccount | undefined> =>
    db.selectFrom('timebank_accounts').selectAll().where('owner_key', '=', ownerKey).executeTakeFirst(),

  /** Inserts unless the owner already has an account (two callers at once: one row); true if this one did. */
  insertIfAbsent: async (db: Executor, row: Insertable<TimebankAccountTable>): Promise<boolean> => {
    const result = await db
      .insertInto('timebank_accounts')
      .values(row)
      .onConflict((oc) => oc.columns(['district_code', 'owner_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  list: (
    db: Executor,
    scope: Scope,
    filter: { q?: string | undefined; after?: string | undefined; limit: number },
  ): Promise<TimebankAccount[]> => {
    let query = db
      .selectFrom('timebank_accounts')
      .selectAll()
      .where(scope.covers('timebank_accounts.region_code', { driveIndex: false }));
    if (filter.q) query = query.where(sql<boolean>`owner_name like ${containing(filter.q)} escape '\\'`);
    if (filter.after) query = query.where('id', '>', filter.after);
    return query
      .orderBy('id')
      .limit(filter.limit + 1)
      .execute();
  },

  latestLedger: (db: Executor, accountId: string, limit: number): Promise<LedgerLine[]> =>
    ledgerWithSides(db).where('l.account_id', '=', accountId).orderBy('l.id', 'desc').limit(limit).execute(),

  /**
   * Adds `delta` to a balance only if the result stays within the bound: the one atomic check of
   * a floor (delta < 0) or ceiling (delta > 0). On PostgreSQL the UPDATE takes the row's lock and,
   * after waiting for another writer, re-evaluates the condition on the row as that writer left it,
   * so concurrent debits of one account serialize on that account alone and none is lost; SQLite
   * serializes all writes. 0 rows: the bound would be crossed.
   */
  applyDelta: async (db: Executor, id: string, delta: number, bound: number): Promise<boolean> => {
    const result = await db
      .updateTable('timebank_accounts')
      .set({ balance_minutes: sql`balance_minutes + ${delta}` })
      .where('id', '=', id)
      .where(
        delta < 0
          ? sql<boolean>`balance_minutes + ${delta} >= ${bound}`
          : sql<boolean>`balance_minutes + ${delta} <= ${bound}`,
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  insertTransfer: async (
    db: Executor,
    transfer: Insertable<TimebankTransferTable>,
    rows: Insertable<TimebankLedgerTable>[],
  ): Promise<void> => {
    await db.insertInto('timebank_transfers').values(transfer).execute();
    await db.insertInto('timebank_ledger').values(rows).execute();
  },

  transferUnscoped: (db: Executor, id: string): Promise<TimebankTransfer | undefined> =>
    db.selectFrom('timebank_transfers').selectAll().where('id', '=', id).executeTakeFirst(),

  transferByRef: (db: Executor, ref: string): Promise<TimebankTransfer | undefined> =>
    db.selectFrom('timebank_transfers').selectAll().where('ref', '=', ref).executeTakeFirst(),

  reversalOf: (db: Executor, id: string): Promise<TimebankTransfer | undefined> =>
    db.selectFrom('timebank_transfers').selectAll().where('reverses_id', '=', id).executeTakeFirst(),

  ledgerOf: (db: Executor, transferId: string): Promise<TimebankLedgerRow[]> =>
    db
      .selectFrom('timebank_ledger')
      .selectAll()
      .where('transfer_id', '=', transferId)
      .orderBy('id')
      .execute(),

  /** Every limit change of a district, newest first (a handful of rows). */
  limitChanges: (db: Executor, districtCode: string): Promise<(LimitRow & { id: string })[]> =>
    db
      .selectFrom('timebank_limit_changes')
      .select([
        'id',
        'owner_kind',
        'floor_minutes',
        'ceiling_minutes',
        'starter_grant_minutes',
        'changed_by',
        'changed_at',
      ])
      .where('district_code', '=', districtCode)
      .orderBy('id', 'desc')
      .execute(),

  insertLimitChange: async (
    db: Executor,
    row: LimitRow & { id: string; district_code: string },
  ): Promise<void> => {
    await db.insertInto('timebank_limit_changes').values(row).execute();
  },
};

/** What an account belongs to, read to open it: name and region, or nothing. */
export const ownersRepository = {
  person: (db: Executor, id: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'name', 'region_code', 'status'])
      .where('id', '=', id)
      .executeTakeFirst(),
  household: (db: Executor, id: string) =>
    db
      .selectFrom('households')
      .leftJoin('persons', 'persons.id', 'households.head_person_id')
      .select(['households.id', 'households.address', 'households.region_code', 'persons.name as head_name'])
      .where('households.id', '=', id)
      .executeTakeFirst(),
  organization: (db: Executor, id: string) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region_code', 'status'])
      .where('id', '=', id)
      .executeTakeFirst(),
  regionName: async (db: Executor, code: string): Promise<string | undefined> =>
    (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst())?.name,
  /** Whether a person carries one of the named register tags (独居老人, 低保户). */
  hasTag: async (db: Executor, personId: string, tagNames: readonly string[]): Promise<boolean> =>
    (await db
      .selectFrom('person_tags')
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select('person_tags.person_id')
      .where('person_tags.person_id', '=', personId)
      .where('tags.name', 'in', tagNames)
      .executeTakeFirst()) !== undefined,
};

/** What the demo opens accounts for: a district's volunteer teams and some of its residents. */
export const demoTimebankRepository = {
  teams: (db: Executor, districtCode: string, limit: number) =>
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', districtCode)
      .where('kind', '=', 'volunteer_team')
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(limit)
      .execute(),
  residents: (db: Executor, districtCode: string, limit: number) =>
    db
      .selectFrom('persons')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', districtCode)
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(limit)
      .execute(),
};
