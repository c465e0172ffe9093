import type { MeetingTaskSource, MeetingTaskStatus } from '../../../shared/api/meetings.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { meetingTasksRepository } from './meeting-tasks.repository.js';

/** The tasks of missed meetings and of decisions: listed in scope, and marked done. */
export class MeetingTasksService {
  constructor(private readonly ctx: ServiceContext) {}

  list(
    scope: Scope,
    filter: {
      organization?: string | undefined;
      region?: string | undefined;
      status?: MeetingTaskStatus | undefined;
      source?: MeetingTaskSource | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return meetingTasksRepository.list(this.ctx.database.db, within, filter);
  }

  async done(scope: Scope, id: string, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const task = await meetingTasksRepository.findInScope(trx, scope, id);
      if (!task) throw notFound('meeting.task_not_found');
      if (!(await meetingTasksRepository.markDone(trx, id, actor.id, this.ctx.now().toISOString())))
        throw conflict('meeting.task_done_already');
      await this.ctx.audit.append(trx, actor, {
        action: 'meeting.task_done',
        targetType: 'meeting_task',
        targetId: id,
        regionCode: task.region_code,
        summary: { source: task.source },
      });
    });
    const task = await meetingTasksRepository.findInScope(db, scope, id);
    if (!task) throw notFound('meeting.task_not_found');
    return task;
  }
}
