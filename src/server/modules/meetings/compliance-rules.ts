import {
  MEETING_TYPES,
  type MeetingFrequency,
  type MeetingOrgKind,
  type MeetingRule,
  type MeetingType,
} from '../../../shared/api/meetings.js';

/**
 * The compliance arithmetic of 三会一课, free of the database: which meetings a rule asks of an
 * organization in a quarter (one per month or one per quarter), and whether each was held, missed
 * (its period is over) or is still open. A meeting counts as held when it was submitted or approved
 * with its actual date inside the period.
 */

/** The rules a district keeps until it sets its own (支委会 monthly, 党员大会 quarterly, …). */
export const DEFAULT_MEETING_RULES: readonly MeetingRule[] = [
  {
    type: 'general_assembly',
    frequency: 'quarterly',
    kinds: ['general_branch', 'branch', 'corridor_branch'],
  },
  { type: 'committee', frequency: 'monthly', kinds: ['committee', 'general_branch', 'branch'] },
  { type: 'group', frequency: 'monthly', kinds: ['group'] },
  {
    type: 'lecture',
    frequency: 'quarterly',
    kinds: ['committee', 'general_branch', 'branch', 'corridor_branch'],
  },
  { type: 'theme_day', frequency: 'none', kinds: [] },
  { type: 'weekly', frequency: 'none', kinds: [] },
];

/** Every type once, in the order of MEETING_TYPES: a type a district did not name is `none`. */
export function completeRules(rules: readonly MeetingRule[]): MeetingRule[] {
  return MEETING_TYPES.map(
    (type) => rules.find((rule) => rule.type === type) ?? { type, frequency: 'none' as const, kinds: [] },
  );
}

export interface Quarter {
  code: string;
  year: number;
  index: 1 | 2 | 3 | 4;
}

export function parseQuarter(code: string): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(code);
  if (!match) throw new Error(`not a quarter: ${code}`);
  return { code, year: Number(match[1]), index: Number(match[2]) as Quarter['index'] };
}

export const quarterOfDay = (day: string): string =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export function previousQuarter(code: string): string {
  const { year, index } = parseQuarter(code);
  return index === 1 ? `${year - 1}-Q4` : `${year}-Q${index - 1}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthsOf(quarter: string): string[] {
  const { year, index } = parseQuarter(quarter);
  return [0, 1, 2].map((i) => `${year}-${pad((index - 1) * 3 + 1 + i)}`);
}

/** The first and last day of a period: a month `YYYY-MM` or a quarter `YYYY-Qn`. */
export function periodRange(period: string): { from: string; to: string } {
  if (period.includes('Q')) {
    const months = monthsOf(period);
    return { from: periodRange(months[0]!).from, to: periodRange(months[2]!).to };
  }
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { from: `${period}-01`, to: `${period}-${pad(lastDayOfMonth(year, month))}` };
}

export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export function periodsOf(frequency: MeetingFrequency, quarter: string): string[] {
  if (frequency === 'monthly') return monthsOf(quarter);
  if (frequency === 'quarterly') return [quarter];
  return [];
}

export interface HeldMeeting {
  id: string;
  type: MeetingType;
  heldOn: string;
}

export interface Slot {
  type: MeetingType;
  period: string;
  state: 'held' | 'missed' | 'open';
  meetingId: string | null;
}

/**
 * The required meetings of one organization in a quarter. A period that ended before the
 * organization existed (`since`, a Beijing day) asks nothing of it; one not yet over is `open`
 * until a meeting is held in it.
 */
export function slotsOf(
  rules: readonly MeetingRule[],
  organization: { kind: string; since: string },
  quarter: string,
  held: readonly HeldMeeting[],
  today: string,
): Slot[] {
  const slots: Slot[] = [];
  for (const rule of rules) {
    if (!(rule.kinds as readonly string[]).includes(organization.kind as MeetingOrgKind)) continue;
    for (const period of periodsOf(rule.frequency, quarter)) {
      const { from, to } = periodRange(period);
      if (to < organization.since) continue;
      const meeting = held.find((m) => m.type === rule.type && m.heldOn >= from && m.heldOn <= to);
      slots.push({
        type: rule.type,
        period,
        state: meeting ? 'held' : to < today ? 'missed' : 'open',
        meetingId: meeting?.id ?? null,
      });
    }
  }
  return slots;
}

/** A missed meeting's task is due a month after its period ended. */
export const MISSED_TASK_DAYS = 30;
