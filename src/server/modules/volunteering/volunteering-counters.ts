import { beijingMonth } from '../../../shared/beijing-time.js';
import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { volunteeringCounts } from './volunteering-counts.repository.js';

/**
 * The cockpit's volunteering figures: confirmed volunteer hours per month (the counter holds
 * minutes, bumped where hours are confirmed) and active volunteers now (active records with
 * confirmed service, counted by the refresh job).
 */
export const volunteeringCounterSources: readonly CounterSource[] = [
  {
    module: 'volunteering',
    counters: ['vol.minutes'],
    async count(db, district): Promise<CounterRow[]> {
      const sums = new Map<string, CounterRow>();
      for (const row of await volunteeringCounts.confirmedServices(db, district)) {
        const period = beijingMonth(row.starts_at);
        const key = `${row.region_code}|${period}`;
        const sum = sums.get(key);
        if (sum) sum.value += row.minutes ?? 0;
        else
          sums.set(key, {
            regionCode: row.region_code,
            period,
            counter: 'vol.minutes',
            value: row.minutes ?? 0,
          });
      }
      return [...sums.values()].filter((row) => row.value !== 0);
    },
  },
  {
    // Kept apart from the minutes: the refresh job recounts only sources of snapshot counters alone.
    module: 'volunteering',
    counters: ['vol.active'],
    count: async (db, district): Promise<CounterRow[]> =>
      (await volunteeringCounts.activeVolunteers(db, district)).map((row) => ({
        regionCode: row.region_code,
        period: '',
        counter: 'vol.active' as const,
        value: row.n,
      })),
  },
];

export const VOLUNTEERING_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'volunteer_hours',
    module: 'volunteering',
    label: { zh: '志愿服务时长', en: 'Volunteer hours' },
    note: {
      zh: '负责人确认的志愿服务时长（按班次开始的月份统计）',
      en: 'Volunteer hours confirmed by the leaders (in the month the shift began)',
    },
    unit: 'hours',
    better: 'higher',
    kind: 'flow',
    counters: ['vol.minutes'],
    value: (get) => Math.round((get('vol.minutes') / 60) * 10) / 10,
  },
  {
    code: 'active_volunteers',
    module: 'volunteering',
    label: { zh: '活跃志愿者', en: 'Active volunteers' },
    note: {
      zh: '在册且有已确认服务时长的志愿者（按所在服务队的区域统计）',
      en: 'Registered volunteers with confirmed service (counted where their team is)',
    },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['vol.active'],
    value: (get) => get('vol.active'),
  },
];
