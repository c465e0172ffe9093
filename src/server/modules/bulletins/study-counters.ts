import { beijingDate } from '../../../shared/beijing-time.js';
import { type CounterRow, type CounterSource, type IndicatorDef, percent } from '../cockpit/index.js';
import { studyCompletionsByRegion } from './study-results.js';

/**
 * The cockpit's study completion (手机党校): members who passed at least one study course in the
 * current Beijing year, at the region of their organization, against the members there
 * (`org.members`). Counted by the refresh job after an audited change (each attempt writes one).
 */
export const studyCounterSources: readonly CounterSource[] = [
  {
    module: 'bulletins',
    counters: ['study.members_passed'],
    async count(db, district): Promise<CounterRow[]> {
      const year = Number(beijingDate(new Date()).slice(0, 4));
      return [...(await studyCompletionsByRegion(db, district, year))]
        .filter(([, n]) => n > 0)
        .map(([regionCode, n]) => ({ regionCode, period: '', counter: 'study.members_passed', value: n }));
    },
  },
];

export const STUDY_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'study_completion',
    module: 'bulletins',
    label: { zh: '党员学习完成率', en: 'Members who completed a study course' },
    note: {
      zh: '本年度通过至少一门手机党校课程测验的党员占党员总数的比例',
      en: 'Share of members who passed the quiz of at least one study course this year',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['study.members_passed', 'org.members'],
    value: (get) => percent(get('study.members_passed'), get('org.members')),
  },
];
