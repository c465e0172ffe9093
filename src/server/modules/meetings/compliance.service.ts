import { v7 as uuidv7 } from 'uuid';
import { MEETING_ORG_KINDS, type MeetingRule, type MeetingType } from '../../../shared/api/meetings.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import type { Insertable } from '../../db/row-types.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import {
  addDays,
  completeRules,
  MISSED_TASK_DAYS,
  periodRange,
  previousQuarter,
  quarterOfDay,
} from './compliance-rules.js';
import { type MeetingRules, meetingRulesOf, slotsOfOrganizations } from './compliance-slots.js';
import { meetingPartiesRepository as parties } from './meeting-parties.repository.js';
import { meetingTasksRepository as tasks } from './meeting-tasks.repository.js';
import type { MeetingTaskTable } from './meetings.tables.js';

/** Organizations shown on one compliance page (a district's whole tree fits). */
const COMPLIANCE_LIMIT = 2000;

export const MEETING_TYPE_NAMES: Record<MeetingType, string> = {
  general_assembly: '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  weekly: '例会',
};

/** Compliance computed, not typed: which required meetings were held, per organization and quarter. */
export class ComplianceService {
  constructor(private readonly ctx: ServiceContext) {}

  rules(districtCode: string): Promise<MeetingRules> {
    return meetingRulesOf(this.ctx.database.db, districtCode);
  }

  /** Replaces a district's rule table: only a reviewer over the whole district (403 otherwise). */
  async changeRules(
    scope: Scope,
    districtCode: string,
    rules: readonly MeetingRule[],
    actor: AuditActor,
  ): Promise<MeetingRules> {
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (seen.has(rule.type)) throw fieldError(`rules.${i}.type`, 'meeting.rule_duplicate');
      seen.add(rule.type);
    });
    if (!scope.coversSubtree(districtCode)) throw new DomainError('meeting.rules_district_wide', 403);
    const now = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const before = await meetingRulesOf(trx, districtCode);
      const after = completeRules(rules);
      await tasks.replaceRules(
        trx,
        districtCode,
        after.map((rule) => ({
          district_code: districtCode,
          meeting_type: rule.type,
          frequency: rule.frequency,
          kinds: [...new Set(rule.kinds)].join(','),
          changed_by: actor.id,
          changed_at: now,
        })),
      );
      await this.ctx.audit.append(trx, actor, {
        action: 'meeting.rules_changed',
        targetType: 'meeting_rules',
        targetId: districtCode,
        regionCode: districtCode,
        summary: { before: before.rules, after },
      });
    });
    return this.rules(districtCode);
  }

  /** The slots of each organization in scope (or one, or a region's) for a quarter. */
  async compliance(
    scope: Scope,
    filter: { quarter: string; organization?: string | undefined; region?: string | undefined },
  ) {
    const { db } = this.ctx.database;
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    if (filter.organization && !(await parties.organizationInScope(db, within, filter.organization)))
      throw notFound('meeting.unknown_organization');
    const organizations = await parties.organizationsInScope(
      db,
      within,
      MEETING_ORG_KINDS,
      COMPLIANCE_LIMIT,
      filter.organization,
    );
    const slots = await slotsOfOrganizations(db, organizations, filter.quarter, beijingDate(this.ctx.now()));
    return organizations.map((org) => {
      const own = slots.get(org.id) ?? [];
      return {
        organizationId: org.id,
        organizationName: org.name,
        regionCode: org.region_code,
        kind: org.kind,
        required: own.length,
        held: own.filter((s) => s.state === 'held').length,
        missed: own.filter((s) => s.state === 'missed').length,
        slots: own,
      };
    });
  }

  /**
   * The sweep: every missed meeting of the last and the current quarter in a district becomes a
   * task for its organization's secretary, due a month after its period ended. Idempotent (one
   * task per organization, type and period, inserted with ON CONFLICT DO NOTHING), so a second
   * sweep or a second process adds nothing. One transaction per district, with one audit row when
   * it added tasks. Answers how many tasks it added.
   */
  async sweepDistrict(districtCode: string, actor: AuditActor): Promise<number> {
    const { db } = this.ctx.database;
    const scope = new Scope([districtCode], this.ctx.database.dialect);
    const organizations = await parties.organizationsInScope(db, scope, MEETING_ORG_KINDS, 1_000_000);
    const current = quarterOfDay(beijingDate(this.ctx.now()));
    const now = this.ctx.now().toISOString();
    const rows: Insertable<MeetingTaskTable>[] = [];
    for (const quarter of [previousQuarter(current), current]) {
      const slots = await slotsOfOrganizations(db, organizations, quarter, beijingDate(this.ctx.now()));
      for (const org of organizations) {
        const missed = (slots.get(org.id) ?? []).filter((slot) => slot.state === 'missed');
        if (missed.length === 0) continue;
        const leader = org.leader_member_id
          ? await parties.memberUnscoped(db, org.leader_member_id)
          : undefined;
        for (const slot of missed)
          rows.push({
            id: uuidv7(),
            district_code: org.district_code,
            region_code: org.region_code,
            organization_id: org.id,
            source: 'missed_meeting' as const,
            source_key: `missed:${slot.type}:${slot.period}`,
            meeting_id: null,
            meeting_type: slot.type,
            period: slot.period,
            title: `${slot.period} ${MEETING_TYPE_NAMES[slot.type]}未召开，请补开`,
            owner_member_id: leader?.id ?? null,
            owner_name: leader?.name ?? null,
            due_on: addDays(periodRange(slot.period).to, MISSED_TASK_DAYS),
            status: 'open' as const,
            created_at: now,
          });
      }
    }
    if (rows.length === 0) return 0;
    return db.transaction().execute(async (trx) => {
      const added = await tasks.insertNew(trx, rows);
      if (added > 0)
        await this.ctx.audit.append(trx, actor, {
          action: 'meeting.tasks_created',
          targetType: 'meeting_tasks',
          targetId: districtCode,
          regionCode: districtOf(districtCode),
          summary: { added, quarter: current },
        });
      return added;
    });
  }
}
