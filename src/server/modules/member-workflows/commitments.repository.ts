import { type ExpressionBuilder, type Insertable, type Selectable, sql } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type {
  CommitmentRatingTable,
  CommitmentTable,
  CommitmentUpdateTable,
  DB,
  Satisfaction,
} from '../../db/tables.js';

export type Commitment = Selectable<CommitmentTable>;
export type CommitmentUpdate = Selectable<CommitmentUpdateTable>;
export type CommitmentView = Commitment & {
  member_name: string;
  satisfied: number;
  basically_satisfied: number;
  unsatisfied: number;
};

const ratingCount = (eb: ExpressionBuilder<DB & { c: CommitmentTable }, 'c'>, rating: Satisfaction) =>
  eb
    .selectFrom('commitment_ratings as r')
    .select((sub) => sub.fn.countAll<number>().as('n'))
    .whereRef('r.commitment_id', '=', 'c.id')
    .whereRef('r.district_code', '=', 'c.district_code')
    .where('r.rating', '=', rating);

const viewQuery = (db: Executor) =>
  db
    .selectFrom('commitments as c')
    .innerJoin('members', (join) =>
      join.onRef('members.id', '=', 'c.member_id').onRef('members.district_code', '=', 'c.district_code'),
    )
    .innerJoin('persons', (join) =>
      join
        .onRef('persons.id', '=', 'members.person_id')
        .onRef('persons.district_code', '=', 'members.district_code'),
    )
    .selectAll('c')
    .select((eb) => [
      'persons.name as member_name',
      ratingCount(eb, 'satisfied').as('satisfied'),
      ratingCount(eb, 'basically_satisfied').as('basically_satisfied'),
      ratingCount(eb, 'unsatisfied').as('unsatisfied'),
    ]);

const toView = <T extends { satisfied: unknown; basically_satisfied: unknown; unsatisfied: unknown }>(
  row: T,
) => ({
  ...row,
  satisfied: Number(row.satisfied ?? 0),
  basically_satisfied: Number(row.basically_satisfied ?? 0),
  unsatisfied: Number(row.unsatisfied ?? 0),
});

/** Only this file touches commitments, their updates and ratings. */
export const commitmentsRepository = {
  /** Unscoped: the service decides by the commitment's member (their own, or org.write over them). */
  findUnscoped: (db: Executor, id: string): Promise<Commitment | undefined> =>
    db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Scope over the region the commitment was made in (the member's organization's then). */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<Commitment | undefined> =>
    db
      .selectFrom('commitments')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('commitments.region_code'))
      .executeTakeFirst(),

  /** Unscoped: reads a commitment back after a scoped check or a write. */
  viewUnscoped: async (db: Executor, id: string): Promise<CommitmentView | undefined> => {
    const row = await viewQuery(db).where('c.id', '=', id).executeTakeFirst();
    return row ? toView(row) : undefined;
  },

  list: async (
    db: Executor,
    scope: Scope,
    filter: { year?: number | undefined; limit: number },
  ): Promise<CommitmentView[]> => {
    let query = viewQuery(db).where(scope.covers('c.region_code'));
    if (filter.year !== undefined) query = query.where('c.year', '=', filter.year);
    const rows = await query
      .orderBy('c.year', 'desc')
      .orderBy('persons.name_pinyin')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(filter.limit)
      .execute();
    return rows.map(toView);
  },

  /** One member's commitments wherever they were made (the caller has checked the link). */
  ofMember: async (db: Executor, memberId: string, year: number | undefined): Promise<CommitmentView[]> => {
    let query = viewQuery(db).where('c.member_id', '=', memberId);
    if (year !== undefined) query = query.where('c.year', '=', year);
    const rows = await query.orderBy('c.year', 'desc').orderBy('c.created_at').orderBy('c.id').execute();
    return rows.map(toView);
  },

  sameContent: (db: Executor, memberId: string, year: number, content: string) =>
    db
      .selectFrom('commitments')
      .select('id')
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .where('content', '=', content)
      .executeTakeFirst(),

  insert: async (db: Executor, row: Insertable<CommitmentTable>): Promise<void> => {
    await db.insertInto('commitments').values(row).execute();
  },

  setProgress: async (db: Executor, id: string, progress: number, at: string): Promise<void> => {
    await db.updateTable('commitments').set({ progress, updated_at: at }).where('id', '=', id).execute();
  },

  insertUpdate: async (db: Executor, row: Insertable<CommitmentUpdateTable>): Promise<void> => {
    await db.insertInto('commitment_updates').values(row).execute();
  },

  updates: (db: Executor, commitmentId: string): Promise<CommitmentUpdate[]> =>
    db
      .selectFrom('commitment_updates')
      .selectAll()
      .where('commitment_id', '=', commitmentId)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  ratingBy: (db: Executor, commitmentId: string, personId: string) =>
    db
      .selectFrom('commitment_ratings')
      .select(['id', 'rating'])
      .where('commitment_id', '=', commitmentId)
      .where('rater_person_id', '=', personId)
      .executeTakeFirst(),

  insertRating: async (db: Executor, row: Insertable<CommitmentRatingTable>): Promise<void> => {
    await db.insertInto('commitment_ratings').values(row).execute();
  },

  changeRating: async (db: Executor, id: string, rating: Satisfaction, at: string): Promise<void> => {
    await db.updateTable('commitment_ratings').set({ rating, at }).where('id', '=', id).execute();
  },
};

/**
 * Per reviewed region (codes all of one length, given as the scope `within`): the commitments of
 * the year made by members living there, and how many are kept (progress 100). One grouped query
 * for all regions, whatever their number (the annual review's KPI, `npm run bench -- review`).
 */
export async function commitmentsKeptByRegion(
  db: Executor,
  within: Scope,
  codeLength: number,
  year: number,
): Promise<Map<string, { total: number; kept: number }>> {
  const unit = sql<string>`substr(region_code, 1, ${sql.lit(codeLength)})`;
  const rows = await db
    .selectFrom('commitments')
    .select((eb) => [
      unit.as('unit'),
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when progress >= 100 then 1 else 0 end`).as('kept'),
    ])
    .where('year', '=', year)
    .where(within.covers('region_code'))
    .groupBy(unit)
    .execute();
  return new Map(rows.map((row) => [row.unit, { total: Number(row.total), kept: Number(row.kept ?? 0) }]));
}
