import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PairingStatus, PairingTargetKind } from '../../../shared/api/pairings.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  PairingContactTable,
  PairingOutcomeTable,
  PairingSupportTable,
  PairingTable,
} from './pairings.tables.js';

export type PairingRow = Selectable<PairingTable>;

/** Pairings and their contacts, support and outcomes. Only this file touches those tables. */
export const pairingsRepository = {
  insert: async (db: Executor, row: Insertable<PairingTable>): Promise<void> => {
    await db.insertInto('pairings').values(row).execute();
  },

  /** Scoped by the target's place (region_code); nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<PairingRow | undefined> =>
    db
      .selectFrom('pairings')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('pairings.region_code'))
      .executeTakeFirst(),

  activeBetween: (
    db: Executor,
    helper: { kind: string; id: string },
    target: { kind: PairingTargetKind; id: string },
  ) =>
    db
      .selectFrom('pairings')
      .select('id')
      .where('helper_kind', '=', helper.kind as PairingRow['helper_kind'])
      .where('helper_id', '=', helper.id)
      .where('target_kind', '=', target.kind)
      .where('target_id', '=', target.id)
      .where('status', '=', 'active')
      .executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      status?: PairingStatus | undefined;
      targetKind?: PairingTargetKind | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<PairingRow[]> => {
    let query = db.selectFrom('pairings').selectAll().where(scope.covers('pairings.region_code'));
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.targetKind) query = query.where('target_kind', '=', filter.targetKind);
    // Newest first: ids are UUIDv7, so descending id is descending creation.
    if (filter.after) query = query.where('id', '<', filter.after);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Ends an active pairing; the loser of a race (ended twice at once) changes nothing. */
  end: async (db: Executor, id: string, changes: Updateable<PairingTable>): Promise<boolean> => {
    const result = await db
      .updateTable('pairings')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  update: async (db: Executor, id: string, changes: Updateable<PairingTable>): Promise<void> => {
    await db.updateTable('pairings').set(changes).where('id', '=', id).execute();
  },

  insertContact: async (db: Executor, row: Insertable<PairingContactTable>) => {
    await db.insertInto('pairing_contacts').values(row).execute();
  },
  insertSupport: async (db: Executor, row: Insertable<PairingSupportTable>) => {
    await db.insertInto('pairing_supports').values(row).execute();
  },
  insertOutcome: async (db: Executor, row: Insertable<PairingOutcomeTable>) => {
    await db.insertInto('pairing_outcomes').values(row).execute();
  },

  // Newest first on each list of the pairing page.
  contacts: (db: Executor, id: string) =>
    db
      .selectFrom('pairing_contacts')
      .selectAll()
      .where('pairing_id', '=', id)
      .orderBy('on_day', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  supports: (db: Executor, id: string) =>
    db
      .selectFrom('pairing_supports')
      .selectAll()
      .where('pairing_id', '=', id)
      .orderBy('on_day', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  outcomes: (db: Executor, id: string) =>
    db
      .selectFrom('pairing_outcomes')
      .selectAll()
      .where('pairing_id', '=', id)
      .orderBy('on_day', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Distinct targets of active pairings by kind, and the support they were given, in scope. */
  async totals(db: Executor, scope: Scope) {
    const byKind = await db
      .selectFrom('pairings')
      .select((eb) => [
        'target_kind',
        eb.fn.count<number>('target_id').distinct().as('targets'),
        eb.fn.countAll<number>().as('pairings'),
      ])
      .where(scope.covers('pairings.region_code'))
      .where('status', '=', 'active')
      .groupBy('target_kind')
      .execute();
    const support = await db
      .selectFrom('pairing_supports as s')
      .innerJoin('pairings as p', 'p.id', 's.pairing_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('s.amount_fen'), eb.lit(0)).as('fen'))
      .where(scope.covers('p.region_code'))
      .executeTakeFirstOrThrow();
    return { byKind, supportFen: Number(support.fen) };
  },
};
