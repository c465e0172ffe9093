import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { trainingCountsRepository } from './training-counts.repository.js';

/**
 * The cockpit's training figures: people enrolled in a course and people who completed one, at
 * the trainee's own region; figures of now, counted by the refresh job after an audited change
 * (enrolling, attendance and completion each write one).
 */
export const trainingCounterSources: readonly CounterSource[] = [
  {
    module: 'training',
    counters: ['training.trainees', 'training.completions'],
    async count(db, district): Promise<CounterRow[]> {
      return (await trainingCountsRepository.traineesByRegion(db, district)).flatMap((row): CounterRow[] => [
        {
          regionCode: row.region_code,
          period: '',
          counter: 'training.trainees',
          value: Number(row.trainees),
        },
        {
          regionCode: row.region_code,
          period: '',
          counter: 'training.completions',
          value: Number(row.completed),
        },
      ]);
    },
  },
];

export const TRAINING_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'training_trainees',
    module: 'training',
    label: { zh: '参加职业培训人数', en: 'Trainees' },
    note: {
      zh: '报名参加培训课程的人（不含候补和已取消），按本人所在区域统计',
      en: 'People enrolled in a course (not waitlisted or cancelled), counted where they live',
    },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['training.trainees'],
    value: (get) => get('training.trainees'),
  },
  {
    code: 'training_completions',
    module: 'training',
    label: { zh: '培训结业人数', en: 'Trainees who completed a course' },
    unit: 'people',
    better: 'higher',
    kind: 'stock',
    counters: ['training.completions'],
    value: (get) => get('training.completions'),
  },
];
