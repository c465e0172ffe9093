import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type {
  RelocationProgram,
  RelocationStatus,
  RelocationSubject,
} from '../../../shared/api/relocation.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  RelocationCaseTable,
  RelocationDisputeTable,
  RelocationEventTable,
} from './relocation.tables.js';

export type CaseRow = Selectable<RelocationCaseTable>;
export type CaseListRow = CaseRow & { resettlement_name: string | null; disputes: number | string | null };

/** A case with its resettlement community's name and the number of its disputes. */
const listed = (db: Executor) =>
  db
    .selectFrom('relocation_cases as c')
    .leftJoin('resettlement_communities as r', (join) =>
      join.onRef('r.id', '=', 'c.resettlement_id').onRef('r.district_code', '=', 'c.district_code'),
    )
    .selectAll('c')
    .select((eb) => [
      'r.name as resettlement_name',
      eb
        .selectFrom('relocation_disputes as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.case_id', '=', 'c.id')
        .whereRef('d.district_code', '=', 'c.district_code')
        .as('disputes'),
    ]);

/** Relocation cases, their events and disputes. Only this file touches those tables. */
export const relocationCasesRepository = {
  insert: async (db: Executor, row: Insertable<RelocationCaseTable>): Promise<void> => {
    await db.insertInto('relocation_cases').values(row).execute();
  },

  /** Scoped by the place the case was taken from; nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<CaseRow | undefined> =>
    db
      .selectFrom('relocation_cases')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('relocation_cases.region_code'))
      .executeTakeFirst(),

  listedInScope: (db: Executor, scope: Scope, id: string): Promise<CaseListRow | undefined> =>
    listed(db).where('c.id', '=', id).where(scope.covers('c.region_code')).executeTakeFirst(),

  /** A case of the subject not withdrawn: a household or enterprise is relocated once. */
  openOf: (db: Executor, subject: RelocationSubject, subjectId: string) =>
    db
      .selectFrom('relocation_cases')
      .select('id')
      .where('subject', '=', subject)
      .where('subject_id', '=', subjectId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst(),

  list: (
    db: Executor,
    scope: Scope,
    filter: {
      status?: RelocationStatus | undefined;
      subject?: RelocationSubject | undefined;
      program?: RelocationProgram | undefined;
      order?: string | undefined;
      after?: string | undefined;
      limit: number;
    },
  ): Promise<CaseListRow[]> => {
    let query = listed(db).where(scope.covers('c.region_code'));
    if (filter.status) query = query.where('c.status', '=', filter.status);
    if (filter.subject) query = query.where('c.subject', '=', filter.subject);
    if (filter.program) query = query.where('c.program', '=', filter.program);
    if (filter.order) {
      const order = filter.order;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('relocation_disputes as o')
            .select(sql`1`.as('one'))
            .whereRef('o.case_id', '=', 'c.id')
            .whereRef('o.district_code', '=', 'c.district_code')
            .where('o.work_order_id', '=', order),
        ),
      );
    }
    // Newest first: ids are UUIDv7, so descending id is descending creation.
    if (filter.after) query = query.where('c.id', '<', filter.after);
    return query
      .orderBy('c.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Moves a case only from the status it was read in; the loser of a race changes nothing. */
  async transition(
    db: Executor,
    id: string,
    from: RelocationStatus,
    changes: Updateable<RelocationCaseTable>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('relocation_cases')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Whether a flat of a resettlement community is given to a case already. */
  unitTaken: (db: Executor, district: string, resettlementId: string, unit: string) =>
    db
      .selectFrom('relocation_cases')
      .select('id')
      .where('district_code', '=', district)
      .where('resettlement_id', '=', resettlementId)
      .where('unit', '=', unit)
      .executeTakeFirst(),

  insertEvent: async (db: Executor, row: Insertable<RelocationEventTable>): Promise<void> => {
    await db.insertInto('relocation_events').values(row).execute();
  },

  events: (db: Executor, id: string) =>
    db
      .selectFrom('relocation_events')
      .selectAll()
      .where('case_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  insertDispute: async (db: Executor, row: Insertable<RelocationDisputeTable>): Promise<void> => {
    await db.insertInto('relocation_disputes').values(row).execute();
  },

  disputes: (db: Executor, id: string) =>
    db
      .selectFrom('relocation_disputes')
      .selectAll()
      .where('case_id', '=', id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Cases in scope per place, status and subject, with the compensation: the totals' raw rows. */
  byPlace: (db: Executor, scope: Scope) =>
    db
      .selectFrom('relocation_cases')
      .select((eb) => [
        'region_code',
        'status',
        'subject',
        eb.fn.countAll<number>().as('cases'),
        eb.fn.coalesce(eb.fn.sum<number>('compensation_fen'), eb.lit(0)).as('fen'),
      ])
      .where(scope.covers('relocation_cases.region_code'))
      .groupBy(['region_code', 'status', 'subject'])
      .execute(),
};
