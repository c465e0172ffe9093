import { beijingMonth } from '../../../shared/beijing-time.js';
import type { Executor } from '../../db/database.js';
import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { rollupsRepository } from '../cockpit/index.js';
import { recommendationsRepository } from './recommendations.repository.js';
import { seekersRepository } from './seekers.repository.js';

/** The cockpit's job-service figures: placements (hires) per month, in the seeker's region. */
export const jobCounters = {
  bumpPlacement: (trx: Executor, regionCode: string, at: string): Promise<void> =>
    rollupsRepository.bump(trx, regionCode, [
      { period: beijingMonth(at), counter: 'job.placements', value: 1 },
    ]),
};

export const jobsCounterSources: readonly CounterSource[] = [
  {
    module: 'jobs',
    counters: ['job.placements'],
    async count(db, district): Promise<CounterRow[]> {
      const sums = new Map<string, CounterRow>();
      for (const hire of await recommendationsRepository.hires(db, district)) {
        if (!hire.decided_at) continue;
        const period = beijingMonth(hire.decided_at);
        const key = `${hire.region_code}|${period}`;
        const sum = sums.get(key);
        if (sum) sum.value += 1;
        else sums.set(key, { regionCode: hire.region_code, period, counter: 'job.placements', value: 1 });
      }
      return [...sums.values()];
    },
  },
];

/** Registered seekers still looking for work, at their region: a figure of now, refreshed after audited changes. */
export const jobSeekerCounterSources: readonly CounterSource[] = [
  {
    module: 'jobs',
    counters: ['job.seekers'],
    async count(db, district): Promise<CounterRow[]> {
      return (await seekersRepository.activeByRegion(db, district)).map((row) => ({
        regionCode: row.region_code,
        period: '',
        counter: 'job.seekers',
        value: Number(row.n),
      }));
    },
  },
];

export const JOBS_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'job_seekers',
    module: 'jobs',
    label: { zh: '登记求职人员', en: 'Registered job seekers' },
    note: {
      zh: '已做求职登记、仍在求职的人（不含已就业和已退出），按本人所在区域统计',
      en: 'People registered as seeking work and still seeking (not placed or withdrawn), where they live',
    },
    unit: 'people',
    better: 'lower',
    kind: 'stock',
    counters: ['job.seekers'],
    value: (get) => get('job.seekers'),
  },
  {
    code: 'job_placements',
    module: 'jobs',
    label: { zh: '就业安置', en: 'Job placements' },
    note: {
      zh: '经推荐被企业录用的求职者（按求职者所在区域、录用月份统计）',
      en: 'Recommended seekers hired by an enterprise (where the seeker lives, in the month of hiring)',
    },
    unit: 'people',
    better: 'higher',
    kind: 'flow',
    counters: ['job.placements'],
    value: (get) => get('job.placements'),
  },
];
