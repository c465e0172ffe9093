import { MEETING_ORG_KINDS } from '../../../shared/api/meetings.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { type CounterRow, type CounterSource, type IndicatorDef, percent } from '../cockpit/index.js';
import { previousQuarter, quarterOfDay } from './compliance-rules.js';
import { slotsOfOrganizations } from './compliance-slots.js';
import { meetingPartiesRepository as parties } from './meeting-parties.repository.js';

/**
 * The cockpit's meeting compliance: of the meetings the district's rule table required in the last
 * and the current quarter and whose period is over or already met, how many were held. A period
 * still running without a meeting is not counted yet, so a new quarter does not start at 0%.
 * Counted by the refresh job after an audited change (every meeting step writes one); `today` is
 * the Beijing day the count is made on.
 */
export async function meetingComplianceRows(
  db: Parameters<CounterSource['count']>[0],
  district: string,
  today: string,
): Promise<CounterRow[]> {
  const organizations = await parties.organizationsOfDistrict(db, district, MEETING_ORG_KINDS);
  const current = quarterOfDay(today);
  const byRegion = new Map<string, { due: number; held: number }>();
  for (const quarter of [previousQuarter(current), current]) {
    const slots = await slotsOfOrganizations(db, organizations, quarter, today);
    for (const org of organizations) {
      const decided = (slots.get(org.id) ?? []).filter((slot) => slot.state !== 'open');
      if (decided.length === 0) continue;
      const tally = byRegion.get(org.region_code) ?? { due: 0, held: 0 };
      tally.due += decided.length;
      tally.held += decided.filter((slot) => slot.state === 'held').length;
      byRegion.set(org.region_code, tally);
    }
  }
  return [...byRegion].flatMap(([regionCode, tally]): CounterRow[] => [
    { regionCode, period: '', counter: 'meeting.slots_due', value: tally.due },
    { regionCode, period: '', counter: 'meeting.slots_held', value: tally.held },
  ]);
}

export const meetingCounterSources: readonly CounterSource[] = [
  {
    module: 'meetings',
    counters: ['meeting.slots_due', 'meeting.slots_held'],
    count: (db, district) => meetingComplianceRows(db, district, beijingDate(new Date())),
  },
];

export const MEETING_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'meeting_compliance',
    module: 'meetings',
    label: { zh: '三会一课按期召开率', en: 'Meetings held as required' },
    note: {
      zh: '上季度和本季度规则要求的会议中已召开的比例（本期尚未结束且未开的不计）',
      en: 'Of the meetings the rules required last quarter and this one, the share held (a period still running without a meeting is not counted yet)',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['meeting.slots_due', 'meeting.slots_held'],
    value: (get) => percent(get('meeting.slots_held'), get('meeting.slots_due')),
  },
];
