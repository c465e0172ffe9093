import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Dialect, Executor } from '../../db/database.js';
import { selectOneLocked } from '../../db/lock-row.js';
import type { Transfer, TransferEventTable, TransferStatus, TransferTable } from '../../db/tables.js';
import { organizationsRepository } from '../organizations/index.js';

export type TransferEvent = Selectable<TransferEventTable>;
export type TransferView = Transfer & {
  member_name: string;
  from_organization_name: string;
  to_organization_name: string;
};

/** Requested, approved by the sender, or carrying a valid letter: the member is on the move. */
export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = [
  'requested',
  'sender_approved',
  'letter_issued',
];

const viewQuery = (db: Executor) =>
  db
    .selectFrom('transfers as t')
    .innerJoin('members', 'members.id', 't.member_id')
    .innerJoin('persons', 'persons.id', 'members.person_id')
    .innerJoin('organizations as from_org', 'from_org.id', 't.from_organization_id')
    .innerJoin('organizations as to_org', 'to_org.id', 't.to_organization_id')
    .selectAll('t')
    .select([
      'persons.name as member_name',
      'from_org.name as from_organization_name',
      'to_org.name as to_organization_name',
    ]);

/** Only this file touches transfers, transfer_events, and members/member_history on receipt. */
export const transfersRepository = {
  /**
   * A transfer whose sending or receiving side lies in scope, or nothing; the service then works
   * out which side the caller is on. Locked on PostgreSQL when asked.
   */
  findInScope: async (
    db: Executor,
    scope: Scope,
    id: string,
    lock?: Dialect,
  ): Promise<Transfer | undefined> => {
    const query = db
      .selectFrom('transfers')
      .selectAll()
      .where('id', '=', id)
      .where((eb) =>
        eb.or([scope.covers('transfers.region_code'), scope.covers('transfers.to_region_code')]),
      );
    return selectOneLocked(query, lock === 'postgres');
  },

  /** The view of a transfer in scope on either side, or nothing. */
  viewInScope: (db: Executor, scope: Scope, id: string): Promise<TransferView | undefined> =>
    viewQuery(db)
      .where('t.id', '=', id)
      .where((eb) => eb.or([scope.covers('t.region_code'), scope.covers('t.to_region_code')]))
      .executeTakeFirst(),

  /** Unscoped: reads a transfer back after the service wrote it. */
  viewUnscoped: (db: Executor, id: string): Promise<TransferView | undefined> =>
    viewQuery(db).where('t.id', '=', id).executeTakeFirst(),

  /** The member's transfers that are still open (at most one, by the service's rule). */
  openOf: (db: Executor, memberId: string): Promise<Transfer[]> =>
    db
      .selectFrom('transfers')
      .selectAll()
      .where('member_id', '=', memberId)
      .where('status', 'in', OPEN_TRANSFER_STATUSES)
      .execute(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      direction?: 'outgoing' | 'incoming' | undefined;
      status?: TransferStatus | undefined;
      limit: number;
    },
  ): Promise<TransferView[]> => {
    let query = viewQuery(db);
    if (filter.direction === 'outgoing') query = query.where(scope.covers('t.region_code'));
    else if (filter.direction === 'incoming') query = query.where(scope.covers('t.to_region_code'));
    else
      query = query.where((eb) => eb.or([scope.covers('t.region_code'), scope.covers('t.to_region_code')]));
    if (filter.status) query = query.where('t.status', '=', filter.status);
    return query.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(filter.limit).execute();
  },

  insert: async (db: Executor, row: Insertable<TransferTable>): Promise<void> => {
    await db.insertInto('transfers').values(row).execute();
  },

  /** Moves a transfer from one status to the next; 0 when it was no longer in `from`. */
  transition: async (
    db: Executor,
    id: string,
    from: TransferStatus,
    to: TransferStatus,
    at: string,
    letterExpiresAt?: string,
  ): Promise<number> => {
    const result = await db
      .updateTable('transfers')
      .set({ status: to, updated_at: at, ...(letterExpiresAt ? { letter_expires_at: letterExpiresAt } : {}) })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  insertEvent: async (db: Executor, row: Insertable<TransferEventTable>): Promise<void> => {
    await db.insertInto('transfer_events').values(row).execute();
  },

  events: (db: Executor, transferId: string): Promise<TransferEvent[]> =>
    db
      .selectFrom('transfer_events')
      .selectAll()
      .where('transfer_id', '=', transferId)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  /** Letters past their expiry, optionally only those with a side inside a scope. */
  lapsedLetters: (db: Executor, nowIso: string, scope?: Scope): Promise<Transfer[]> => {
    let query = db
      .selectFrom('transfers')
      .selectAll()
      .where('status', '=', 'letter_issued')
      .where('letter_expires_at', '<', nowIso);
    if (scope) {
      query = query.where((eb) =>
        eb.or([scope.covers('transfers.region_code'), scope.covers('transfers.to_region_code')]),
      );
    }
    return query.orderBy('letter_expires_at').execute();
  },

  /** Receipt: the member now belongs to the receiving organization (and is seen through its region). */
  moveMember: async (
    db: Executor,
    memberId: string,
    fromOrganizationId: string,
    to: { organizationId: string; regionCode: string },
    at: string,
  ): Promise<number> => {
    const result = await db
      .updateTable('members')
      .set({ organization_id: to.organizationId, region_code: to.regionCode, updated_at: at })
      .where('id', '=', memberId)
      .where('organization_id', '=', fromOrganizationId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Closes the member's open history rows (normally one: the sending organization's) and starts the next. */
  recordHistory: async (
    db: Executor,
    row: { id: string; districtCode: string; memberId: string; organizationId: string; at: string },
  ): Promise<void> => {
    await db
      .updateTable('member_history')
      .set({ to_at: row.at })
      .where('member_id', '=', row.memberId)
      .where('to_at', 'is', null)
      .execute();
    await organizationsRepository.startMemberHistory(db, { ...row, reason: 'transferred' });
  },
};
