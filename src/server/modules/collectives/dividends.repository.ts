import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { DividendPayoutTable, DividendRunTable } from './collectives.tables.js';

export type DividendRunRow = Selectable<DividendRunTable>;

/** Dividend runs and their payouts. */
export const dividendsRepository = {
  insertRun: async (db: Executor, row: Insertable<DividendRunTable>) => {
    await db.insertInto('dividend_runs').values(row).execute();
  },

  insertPayouts: async (db: Executor, rows: Insertable<DividendPayoutTable>[]) => {
    // In slices: PostgreSQL and SQLite both cap the parameters of one statement.
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('dividend_payouts')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<DividendRunRow | undefined> =>
    db
      .selectFrom('dividend_runs')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('dividend_runs.region_code'))
      .executeTakeFirst(),

  ofYear: (db: Executor, collectiveId: string, year: number) =>
    db
      .selectFrom('dividend_runs')
      .selectAll()
      .where('collective_id', '=', collectiveId)
      .where('year', '=', year)
      .executeTakeFirst(),

  runsOf: (db: Executor, collectiveId: string) =>
    db
      .selectFrom('dividend_runs')
      .selectAll()
      .where('collective_id', '=', collectiveId)
      .orderBy('year', 'desc')
      .execute(),

  /** Approves a draft only: the loser of a race (two approvers at once) changes nothing. */
  approve: async (
    db: Executor,
    id: string,
    by: { id: string; name: string; at: string },
  ): Promise<boolean> => {
    const result = await db
      .updateTable('dividend_runs')
      .set({ status: 'approved', approved_by: by.id, approved_by_name: by.name, approved_at: by.at })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Removes a draft and its payouts (redrafted, or made stale by a new income entry). */
  deleteDraft: async (db: Executor, id: string): Promise<void> => {
    await db.deleteFrom('dividend_payouts').where('run_id', '=', id).execute();
    await db.deleteFrom('dividend_runs').where('id', '=', id).where('status', '=', 'draft').execute();
  },

  payouts: (db: Executor, runId: string, after: string | undefined, limit: number) => {
    let query = db
      .selectFrom('dividend_payouts as d')
      .innerJoin('persons as p', 'p.id', 'd.person_id')
      .select([
        'd.person_id',
        'd.shares',
        'd.amount_fen',
        'p.name',
        'p.id_number_enc',
        'p.phone_enc',
        'p.status',
      ])
      .where('d.run_id', '=', runId);
    if (after) query = query.where('d.person_id', '>', after);
    return query
      .orderBy('d.person_id')
      .limit(limit + 1)
      .execute();
  },
};
