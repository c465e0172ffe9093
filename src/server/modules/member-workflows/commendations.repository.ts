import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { CommendationTable } from '../../db/tables.js';

export type Commendation = Selectable<CommendationTable>;
export type CommendationView = Commendation & { subject_name: string };

/** Only this file touches commendations. */
export const commendationsRepository = {
  same: (
    db: Executor,
    key: { year: number; title: string; subjectType: Commendation['subject_type']; subjectId: string },
  ) =>
    db
      .selectFrom('commendations')
      .select('id')
      .where('year', '=', key.year)
      .where('title', '=', key.title)
      .where('subject_type', '=', key.subjectType)
      .where('subject_id', '=', key.subjectId)
      .executeTakeFirst(),

  insert: async (db: Executor, row: Insertable<CommendationTable>): Promise<void> => {
    await db.insertInto('commendations').values(row).execute();
  },

  list: async (
    db: Executor,
    scope: Scope,
    filter: { year?: number | undefined; id?: string; limit: number },
  ): Promise<CommendationView[]> => {
    let query = db
      .selectFrom('commendations as k')
      .leftJoin('members', (join) =>
        join.onRef('members.id', '=', 'k.subject_id').on('k.subject_type', '=', 'member'),
      )
      .leftJoin('persons', (join) =>
        join
          .onRef('persons.id', '=', 'members.person_id')
          .onRef('persons.district_code', '=', 'members.district_code'),
      )
      .leftJoin('organizations', (join) =>
        join.onRef('organizations.id', '=', 'k.subject_id').on('k.subject_type', '=', 'organization'),
      )
      .selectAll('k')
      .select(['persons.name as person_name', 'organizations.name as organization_name'])
      .where(scope.covers('k.region_code'));
    if (filter.year !== undefined) query = query.where('k.year', '=', filter.year);
    if (filter.id !== undefined) query = query.where('k.id', '=', filter.id);
    const rows = await query
      .orderBy('k.year', 'desc')
      .orderBy('k.title')
      .orderBy('k.created_at')
      .orderBy('k.id')
      .limit(filter.limit)
      .execute();
    return rows.map(({ person_name, organization_name, ...row }) => ({
      ...row,
      subject_name: person_name ?? organization_name ?? '',
    }));
  },
};
