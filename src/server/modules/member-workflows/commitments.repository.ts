import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
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
    .where('r.rating', '=', rating);

const viewQuery = (db: Executor) =>
  db
    .selectFrom('commitments as c')
    .innerJoin('members', 'members.id', 'c.member_id')
    .innerJoin('persons', 'persons.id', 'members.person_id')
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
