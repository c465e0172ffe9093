import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { TaskForceResultTable, TaskForceSecondmentTable, TaskForceTable } from './cobuilding.tables.js';

export type TaskForceRow = Selectable<TaskForceTable> & {
  seconded: number | string;
  results: number | string;
};

const withCounts = (db: Executor) =>
  db
    .selectFrom('task_forces as t')
    .selectAll('t')
    .select((eb) => [
      eb
        .selectFrom('task_force_secondments as s')
        .select((inner) => inner.fn.count<number>('s.member_id').distinct().as('n'))
        .whereRef('s.task_force_id', '=', 't.id')
        .whereRef('s.district_code', '=', 't.district_code')
        .as('seconded'),
      eb
        .selectFrom('task_force_results as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.task_force_id', '=', 't.id')
        .whereRef('r.district_code', '=', 't.district_code')
        .as('results'),
    ]);

/** 临时党组织 and 攻坚队: task forces, secondments and results. Only this file touches their tables. */
export const taskForcesRepository = {
  insert: async (db: Executor, row: Insertable<TaskForceTable>) => {
    await db.insertInto('task_forces').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<TaskForceRow | undefined> =>
    withCounts(db).where('t.id', '=', id).where(scope.covers('t.region_code')).executeTakeFirst() as Promise<
      TaskForceRow | undefined
    >,

  list: (db: Executor, scope: Scope): Promise<TaskForceRow[]> =>
    withCounts(db)
      .where(scope.covers('t.region_code'))
      .orderBy('t.starts_on', 'desc')
      .orderBy('t.id')
      .limit(1000)
      .execute() as Promise<TaskForceRow[]>,

  /** The member's secondments to the task force that overlap [from, to] (to null: open-ended). */
  overlappingSecondment: (
    db: Executor,
    taskForceId: string,
    memberId: string,
    from: string,
    to: string | null,
  ) => {
    let query = db
      .selectFrom('task_force_secondments')
      .select('id')
      .where('task_force_id', '=', taskForceId)
      .where('member_id', '=', memberId)
      .where((eb) => eb.or([eb('to_on', 'is', null), eb('to_on', '>=', from)]));
    if (to !== null) query = query.where('from_on', '<=', to);
    return query.executeTakeFirst();
  },

  addSecondment: async (db: Executor, row: Insertable<TaskForceSecondmentTable>) => {
    await db.insertInto('task_force_secondments').values(row).execute();
  },

  secondments: (db: Executor, taskForceId: string) =>
    db
      .selectFrom('task_force_secondments as s')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .innerJoin('organizations as o', 'o.id', 's.home_organization_id')
      .select([
        's.id',
        's.member_id',
        's.home_organization_id',
        's.role',
        's.from_on',
        's.to_on',
        'p.name',
        'o.name as organization_name',
      ])
      .where('s.task_force_id', '=', taskForceId)
      .orderBy('s.from_on')
      .orderBy('s.id')
      .execute(),

  addResult: async (db: Executor, row: Insertable<TaskForceResultTable>) => {
    await db.insertInto('task_force_results').values(row).execute();
  },

  results: (db: Executor, taskForceId: string) =>
    db
      .selectFrom('task_force_results')
      .selectAll()
      .where('task_force_id', '=', taskForceId)
      .orderBy('on_day', 'desc')
      .orderBy('id')
      .execute(),
};
