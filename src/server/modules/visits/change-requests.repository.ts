import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { VisitChangeRequestTable } from './visits.tables.js';

export type ChangeRequestRow = Selectable<VisitChangeRequestTable>;
export type ChangeRequestView = ChangeRequestRow & { person_name: string };

const viewQuery = (db: Executor) =>
  db
    .selectFrom('visit_change_requests as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .selectAll('r')
    .select('p.name as person_name');

/** Only this file touches the queue of register changes seen on visits. */
export const changeRequestsRepository = {
  insert: async (db: Executor, row: Insertable<VisitChangeRequestTable>): Promise<void> => {
    await db.insertInto('visit_change_requests').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('visit_change_requests')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('visit_change_requests.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a request back after a scoped check or a write. */
  viewUnscoped: (db: Executor, id: string): Promise<ChangeRequestView | undefined> =>
    viewQuery(db).where('r.id', '=', id).executeTakeFirst(),

  ofVisit: (db: Executor, visitId: string): Promise<ChangeRequestView[]> =>
    viewQuery(db).where('r.visit_id', '=', visitId).orderBy('r.id').execute(),

  list: (
    db: Executor,
    scope: Scope,
    status: ChangeRequestRow['status'] | undefined,
    after: string | undefined,
    limit: number,
  ): Promise<ChangeRequestView[]> => {
    let query = viewQuery(db).where(scope.covers('r.region_code', { driveIndex: false }));
    if (status) query = query.where('r.status', '=', status);
    if (after) query = query.where('r.id', '<', after);
    return query
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** Decides a pending request once: false when someone decided it first. */
  decide: async (
    db: Executor,
    id: string,
    decision: { status: 'confirmed' | 'rejected'; by: string; at: string; note: string },
  ): Promise<boolean> => {
    const result = await db
      .updateTable('visit_change_requests')
      .set({
        status: decision.status,
        decided_by: decision.by,
        decided_at: decision.at,
        decision_note: decision.note,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
