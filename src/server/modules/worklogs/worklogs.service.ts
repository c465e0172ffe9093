import { v7 as uuidv7 } from 'uuid';
import {
  type CreateWorkLogBody,
  type UpdateWorkLogBody,
  WORK_LOG_EDIT_DAYS,
} from '../../../shared/api/worklogs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { addDays, monthBounds } from './dates.js';
import { NOT_LOGGING_KINDS, worklogPartiesRepository as parties } from './worklog-parties.repository.js';
import { workLogsRepository as logs, type WorkLogFilter, type WorkLogRow } from './worklogs.repository.js';

/** How far back a log may be dated. */
const OLDEST_DAYS = 366;
/** Organizations one monthly count answers at most. */
const COUNT_LIMIT = 2000;

const LINKS = [
  ['workOrderId', 'work_orders'],
  ['visitId', 'visits'],
  ['volunteerActivityId', 'volunteer_activities'],
] as const;

/** The writer of a log: the signed-in user (or, in the demo, a secretary's account). */
export interface Author {
  id: string;
  name: string;
}

/**
 * The last day a log written on `createdAt` may be corrected or voided by its author: the Beijing
 * day it was written and the WORK_LOG_EDIT_DAYS days after it.
 */
export const editableUntil = (createdAt: string): string =>
  addDays(beijingDate(createdAt), WORK_LOG_EDIT_DAYS);

/** 工作日志: an organization's work log, written by its secretary, corrected only by its author. */
export class WorkLogsService {
  constructor(private readonly ctx: ServiceContext) {}

  today(): string {
    return beijingDate(this.ctx.now());
  }

  /** The date and the links, each link inside the writer's scope (an unknown one and one outside alike). */
  private async checkFields(db: Executor, scope: Scope, input: UpdateWorkLogBody): Promise<void> {
    const today = this.today();
    if (input.loggedOn > today) throw fieldError('loggedOn', 'worklog.logged_in_future');
    if (input.loggedOn < addDays(today, -OLDEST_DAYS)) throw fieldError('loggedOn', 'worklog.logged_too_old');
    for (const [field, table] of LINKS) {
      const id = input[field];
      if (id !== undefined && !(await parties.linkInScope(db, scope, table, id)))
        throw fieldError(field, 'worklog.unknown_link');
    }
  }

  private fieldsOf(input: UpdateWorkLogBody) {
    return {
      logged_on: input.loggedOn,
      kind: input.kind,
      content: input.content,
      work_order_id: input.workOrderId ?? null,
      visit_id: input.visitId ?? null,
      volunteer_activity_id: input.volunteerActivityId ?? null,
    };
  }

  async create(scope: Scope, input: CreateWorkLogBody, author: Author, actor: AuditActor): Promise<string> {
    const { db } = this.ctx.database;
    const org = await parties.organizationInScope(db, scope, input.organizationId);
    if (org?.status !== 'active') throw fieldError('organizationId', 'worklog.unknown_organization');
    if (NOT_LOGGING_KINDS.includes(org.kind)) throw fieldError('organizationId', 'worklog.organization_kind');
    await this.checkFields(db, scope, input);
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await logs.insert(trx, {
        id,
        district_code: org.district_code,
        region_code: org.region_code,
        organization_id: org.id,
        author_id: author.id,
        author_name: author.name,
        ...this.fieldsOf(input),
        created_at: now,
        updated_at: now,
      });
      await this.audit(
        trx,
        actor,
        'worklog.created',
        { id, region_code: org.region_code },
        {
          kind: input.kind,
          loggedOn: input.loggedOn,
        },
      );
    });
    return id;
  }

  /** A log in scope that the caller wrote, not voided, inside its edit period. */
  private async ownEditable(trx: Executor, scope: Scope, id: string, userId: string): Promise<WorkLogRow> {
    const log = await logs.findInScope(trx, scope, id);
    if (!log) throw notFound('worklog.not_found');
    if (log.author_id !== userId) throw new DomainError('worklog.author_only', 403);
    if (log.voided_at !== null) throw conflict('worklog.voided');
    if (this.today() > editableUntil(log.created_at))
      throw conflict('worklog.edit_closed', { days: WORK_LOG_EDIT_DAYS });
    return log;
  }

  async update(
    scope: Scope,
    id: string,
    input: UpdateWorkLogBody,
    userId: string,
    actor: AuditActor,
  ): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const log = await this.ownEditable(trx, scope, id, userId);
      await this.checkFields(trx, scope, input);
      const changed = await logs.updateLive(trx, id, {
        ...this.fieldsOf(input),
        updated_at: this.ctx.now().toISOString(),
      });
      if (!changed) throw conflict('worklog.voided');
      await this.audit(trx, actor, 'worklog.updated', log, {
        kind: input.kind,
        loggedOn: input.loggedOn,
        before: { kind: log.kind, loggedOn: log.logged_on },
      });
    });
  }

  /** Voids a log (never deletes it): the author, inside the edit period, with a reason. */
  async void(scope: Scope, id: string, reason: string, userId: string, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const log = await this.ownEditable(trx, scope, id, userId);
      const now = this.ctx.now().toISOString();
      const changed = await logs.updateLive(trx, id, {
        void_reason: reason,
        voided_by: userId,
        voided_at: now,
        updated_at: now,
      });
      if (!changed) throw conflict('worklog.voided');
      await this.audit(trx, actor, 'worklog.voided', log, { reason });
    });
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: 'worklog.created' | 'worklog.updated' | 'worklog.voided',
    log: { id: string; region_code: string },
    summary: Record<string, unknown>,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'work_log',
      targetId: log.id,
      regionCode: log.region_code,
      summary,
    });
  }

  list(scope: Scope, filter: WorkLogFilter & { region?: string | undefined }) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return logs.list(this.ctx.database.db, within, filter);
  }

  async detail(scope: Scope, id: string): Promise<WorkLogRow> {
    const log = await logs.findInScope(this.ctx.database.db, scope, id);
    if (!log) throw notFound('worklog.not_found');
    return log;
  }

  /**
   * Per party organization in scope, its logs of the month (voided ones left out) and the last day
   * logged; `missing` keeps only those with none (a secretary who logged nothing this month).
   */
  async monthlyCounts(
    scope: Scope,
    month: string,
    options: { region?: string | undefined; missing: boolean },
  ) {
    const within = options.region ? scope.filteredTo(options.region) : scope;
    const { db } = this.ctx.database;
    const organizations = await parties.loggingOrganizations(db, within, COUNT_LIMIT + 1);
    const truncated = organizations.length > COUNT_LIMIT;
    const shown = organizations.slice(0, COUNT_LIMIT);
    const { from, to } = monthBounds(month);
    const counts = new Map(
      (
        await logs.countsByOrganization(
          db,
          shown.map((o) => o.id),
          from,
          to,
        )
      ).map((c) => [c.organization_id, c]),
    );
    const items = shown.map((org) => ({
      organizationId: org.id,
      organizationName: org.name,
      regionCode: org.region_code,
      kind: org.kind,
      secretaryName: org.secretary_name ?? null,
      logs: counts.get(org.id)?.logs ?? 0,
      lastLoggedOn: counts.get(org.id)?.last ?? null,
    }));
    const withoutLogs = items.filter((item) => item.logs === 0).length;
    return {
      month,
      items: options.missing ? items.filter((item) => item.logs === 0) : items,
      withoutLogs,
      truncated,
    };
  }
}

/**
 * Logs per organization in [from, to] (Beijing dates; voided ones left out), for other modules
 * (the annual review's KPIs): one GROUP BY over the organizations named; those without logs are
 * absent from the map.
 */
export async function countWorkLogsByOrganization(
  db: Executor,
  organizationIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await logs.countsByOrganization(db, organizationIds, from, to);
  return new Map(rows.map((r) => [r.organization_id, r.logs]));
}
