import { MEETING_ORG_KINDS, type MeetingOrgKind, type MeetingRule } from '../../../shared/api/meetings.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import type { Executor } from '../../db/database.js';
import {
  completeRules,
  DEFAULT_MEETING_RULES,
  type HeldMeeting,
  periodRange,
  type Slot,
  slotsOf,
} from './compliance-rules.js';
import type { meetingPartiesRepository } from './meeting-parties.repository.js';
import { meetingTasksRepository as tasks } from './meeting-tasks.repository.js';
import { meetingsRepository } from './meetings.repository.js';

/** Organizations whose held meetings are read with one statement. */
const CHUNK = 400;

export interface MeetingRules {
  districtCode: string;
  rules: MeetingRule[];
  changedAt: string | null;
}

/** A district's rule table: its own rows, or the defaults while it has none. */
export async function meetingRulesOf(db: Executor, districtCode: string): Promise<MeetingRules> {
  const rows = await tasks.rules(db, districtCode);
  if (rows.length === 0)
    return { districtCode, rules: completeRules(DEFAULT_MEETING_RULES), changedAt: null };
  const rules = rows.map((row) => ({
    type: row.meeting_type,
    frequency: row.frequency,
    kinds: row.kinds
      .split(',')
      .filter((kind): kind is MeetingOrgKind => (MEETING_ORG_KINDS as readonly string[]).includes(kind)),
  }));
  const changedAt =
    rows
      .map((row) => row.changed_at)
      .sort()
      .at(-1) ?? null;
  return { districtCode, rules: completeRules(rules), changedAt };
}

export type ComplianceOrganization = Awaited<
  ReturnType<typeof meetingPartiesRepository.organizationsInScope>
>[number];

/**
 * The required meetings of each organization in a quarter, held, missed or still open on `today`
 * (a Beijing day): the compliance page, the missed-meeting sweep and the cockpit count from this.
 */
export async function slotsOfOrganizations(
  db: Executor,
  organizations: readonly ComplianceOrganization[],
  quarter: string,
  today: string,
): Promise<Map<string, Slot[]>> {
  const { from, to } = periodRange(quarter);
  const rulesByDistrict = new Map<string, MeetingRule[]>();
  const result = new Map<string, Slot[]>();
  for (let i = 0; i < organizations.length; i += CHUNK) {
    const chunk = organizations.slice(i, i + CHUNK);
    const held = await meetingsRepository.held(
      db,
      chunk.map((org) => org.id),
      from,
      to,
    );
    const heldBy = new Map<string, HeldMeeting[]>();
    for (const meeting of held) {
      const list = heldBy.get(meeting.organization_id) ?? [];
      list.push({ id: meeting.id, type: meeting.type, heldOn: meeting.held_on ?? '' });
      heldBy.set(meeting.organization_id, list);
    }
    for (const org of chunk) {
      let rules = rulesByDistrict.get(org.district_code);
      if (!rules) {
        rules = (await meetingRulesOf(db, org.district_code)).rules;
        rulesByDistrict.set(org.district_code, rules);
      }
      const since = beijingDate(new Date(org.created_at));
      result.set(org.id, slotsOf(rules, { kind: org.kind, since }, quarter, heldBy.get(org.id) ?? [], today));
    }
  }
  return result;
}
