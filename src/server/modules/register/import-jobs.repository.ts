import type { Updateable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { ImportJob, ImportJobTable } from '../../db/tables.js';

export const importJobsRepository = {
  async insert(db: Executor, job: ImportJob): Promise<void> {
    await db.insertInto('import_jobs').values(job).execute();
  },

  async update(db: Executor, id: string, changes: Updateable<ImportJobTable>): Promise<void> {
    await db.updateTable('import_jobs').set(changes).where('id', '=', id).execute();
  },

  async failRunning(db: Executor, message: string, at: string): Promise<void> {
    await db
      .updateTable('import_jobs')
      .set({ status: 'failed', message, finished_at: at })
      .where('status', '=', 'running')
      .execute();
  },

  findInScope(db: Executor, scope: Scope, id: string): Promise<ImportJob | undefined> {
    return db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('import_jobs.region_code'))
      .executeTakeFirst();
  },

  listInScope(db: Executor, scope: Scope, limit: number): Promise<ImportJob[]> {
    return db
      .selectFrom('import_jobs')
      .selectAll()
      .where(scope.covers('import_jobs.region_code'))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
};
