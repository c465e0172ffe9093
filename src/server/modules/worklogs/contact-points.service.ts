import { v7 as uuidv7 } from 'uuid';
import type { ContactRecordBody, CreateContactPointBody } from '../../../shared/api/worklogs.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type ContactPointRow, contactPointsRepository as points } from './contact-points.repository.js';
import { addDays } from './dates.js';
import { NOT_LOGGING_KINDS, worklogPartiesRepository as parties } from './worklog-parties.repository.js';

/** An assignment with its records' count, last contact and whether it is overdue. */
export interface ContactPointView {
  row: ContactPointRow;
  records: number;
  lastContactOn: string | null;
  overdue: boolean;
}

/**
 * 联系点: a leader assigned to grassroots organizations (by whoever holds contactpoint.manage over
 * the organization), ended with an end date, and the leader's contact records there.
 */
export class ContactPointsService {
  constructor(private readonly ctx: ServiceContext) {}

  private today(): string {
    return beijingDate(this.ctx.now());
  }

  async assign(scope: Scope, input: CreateContactPointBody, actor: AuditActor): Promise<string> {
    const { db } = this.ctx.database;
    const org = await parties.organizationInScope(db, scope, input.organizationId);
    if (org?.status !== 'active') throw fieldError('organizationId', 'contactpoint.unknown_organization');
    if (NOT_LOGGING_KINDS.includes(org.kind))
      throw fieldError('organizationId', 'contactpoint.organization_kind');
    const leader = await parties.userUnscoped(db, input.leaderUserId);
    if (leader?.status !== 'active' || leader.district_code !== org.district_code)
      throw fieldError('leaderUserId', 'contactpoint.unknown_leader');
    if (input.startOn > addDays(this.today(), 365))
      throw fieldError('startOn', 'contactpoint.start_too_late');
    const id = uuidv7();
    await db.transaction().execute(async (trx) => {
      if (await points.openOf(trx, leader.id, org.id)) throw conflict('contactpoint.already_assigned');
      await points.insert(trx, {
        id,
        district_code: org.district_code,
        region_code: org.region_code,
        organization_id: org.id,
        leader_user_id: leader.id,
        leader_name: leader.display_name,
        start_on: input.startOn,
        end_on: null,
        assigned_by: actor.id,
        ended_by: null,
        created_at: this.ctx.now().toISOString(),
      });
      await this.audit(
        trx,
        actor,
        'contactpoint.assigned',
        { id, region_code: org.region_code },
        {
          leader: leader.id,
          leaderName: leader.display_name,
          organization: org.id,
          startOn: input.startOn,
        },
      );
    });
    return id;
  }

  async end(scope: Scope, id: string, endOn: string, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const point = await points.findInScope(trx, scope, id);
      if (!point) throw notFound('contactpoint.not_found');
      if (point.end_on !== null) throw conflict('contactpoint.ended');
      if (endOn < point.start_on) throw fieldError('endOn', 'contactpoint.end_before_start');
      if (!(await points.end(trx, id, endOn, actor.id))) throw conflict('contactpoint.ended');
      await this.audit(trx, actor, 'contactpoint.ended', point, { endOn, leader: point.leader_user_id });
    });
  }

  /** The leader records a contact on one of their own open assignments (another's is 404). */
  async record(userId: string, id: string, input: ContactRecordBody, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const point = await points.findOwn(trx, userId, id);
      if (!point) throw notFound('contactpoint.not_found');
      if (point.end_on !== null) throw conflict('contactpoint.ended');
      if (input.contactedOn > this.today()) throw fieldError('contactedOn', 'contactpoint.contact_in_future');
      if (input.contactedOn < point.start_on)
        throw fieldError('contactedOn', 'contactpoint.contact_before_start');
      const recordId = uuidv7();
      await points.insertRecord(trx, {
        id: recordId,
        contact_point_id: id,
        district_code: point.district_code,
        region_code: point.region_code,
        contacted_on: input.contactedOn,
        way: input.way,
        findings: input.findings,
        outcome: input.outcome,
        recorded_by: userId,
        created_at: this.ctx.now().toISOString(),
      });
      await this.audit(trx, actor, 'contactpoint.contact_recorded', point, {
        record: recordId,
        contactedOn: input.contactedOn,
        way: input.way,
      });
    });
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: 'contactpoint.assigned' | 'contactpoint.ended' | 'contactpoint.contact_recorded',
    point: { id: string; region_code: string },
    summary: Record<string, unknown>,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'contact_point',
      targetId: point.id,
      regionCode: point.region_code,
      summary,
    });
  }

  /**
   * Each assignment with its records, last contact and the flag: open, and neither contacted nor
   * started in the last `days` days (Beijing dates).
   */
  private async views(rows: readonly ContactPointRow[], days: number): Promise<ContactPointView[]> {
    const stats = await points.stats(
      this.ctx.database.db,
      rows.map((r) => r.id),
    );
    const since = addDays(this.today(), -days);
    return rows.map((row) => {
      const s = stats.get(row.id);
      const last = s?.last ?? null;
      return {
        row,
        records: s?.records ?? 0,
        lastContactOn: last,
        overdue: row.end_on === null && (last ?? row.start_on) < since,
      };
    });
  }

  async list(
    scope: Scope,
    filter: {
      region?: string | undefined;
      organization?: string | undefined;
      leader?: string | undefined;
      open?: boolean | undefined;
      after?: string | undefined;
      limit: number;
    },
  ) {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return points.list(this.ctx.database.db, within, filter);
  }

  withStats(rows: readonly ContactPointRow[], days: number) {
    return this.views(rows, days);
  }

  async detail(scope: Scope, id: string, days: number) {
    const { db } = this.ctx.database;
    const point = await points.findInScope(db, scope, id);
    if (!point) throw notFound('contactpoint.not_found');
    return { view: (await this.views([point], days))[0]!, records: await points.records(db, id) };
  }

  async mine(userId: string, days: number) {
    return this.views(await points.openOfLeader(this.ctx.database.db, userId), days);
  }

  async myDetail(userId: string, id: string, days: number) {
    const { db } = this.ctx.database;
    const point = await points.findOwn(db, userId, id);
    if (!point) throw notFound('contactpoint.not_found');
    return { view: (await this.views([point], days))[0]!, records: await points.records(db, id) };
  }
}
