import { parentOf } from '../../../shared/region-code.js';
import type { Executor } from '../../db/database.js';
import type { CounterRow, CounterSource, IndicatorDef } from '../cockpit/index.js';
import { surveyCountsRepository } from './survey-counts.repository.js';
import { SMALL_CELL } from './survey-results.service.js';
import { wilson } from './wilson.js';

const YEAR_MS = 365 * 86_400_000;

/**
 * The cockpit's satisfaction: the satisfaction answers of the district's surveys closed in the
 * twelve months before `now`, pooled, per region they were drawn in. In an anonymous survey a
 * region with fewer than SMALL_CELL answers gives them to its parent (and so on up), so that no
 * place on the cockpit shows what one or two people answered.
 */
export async function surveyCounterRows(db: Executor, district: string, now: Date): Promise<CounterRow[]> {
  const cells = await surveyCountsRepository.satisfactionCells(
    db,
    district,
    new Date(now.getTime() - YEAR_MS).toISOString(),
  );
  const tallies = new Map<string, { n: number; satisfied: number }>();
  const add = (into: Map<string, { n: number; satisfied: number }>, code: string, n: number, s: number) => {
    const tally = into.get(code) ?? { n: 0, satisfied: 0 };
    tally.n += n;
    tally.satisfied += s;
    into.set(code, tally);
  };
  const bySurvey = new Map<string, typeof cells>();
  for (const cell of cells) bySurvey.set(cell.survey_id, [...(bySurvey.get(cell.survey_id) ?? []), cell]);
  for (const surveyCells of bySurvey.values()) {
    let own = new Map<string, { n: number; satisfied: number }>();
    for (const cell of surveyCells) add(own, cell.region_code, Number(cell.n), Number(cell.satisfied ?? 0));
    if (Number(surveyCells[0]?.anonymous) === 1) own = liftSmallCells(own);
    for (const [code, tally] of own) add(tallies, code, tally.n, tally.satisfied);
  }
  return [...tallies]
    .filter(([, tally]) => tally.n > 0)
    .flatMap(([regionCode, tally]): CounterRow[] => [
      { regionCode, period: '', counter: 'survey.answers', value: tally.n },
      { regionCode, period: '', counter: 'survey.satisfied', value: tally.satisfied },
    ]);
}

/** Moves every cell under SMALL_CELL answers up to its parent, deepest first, until none is left below the district. */
export function liftSmallCells(
  cells: ReadonlyMap<string, { n: number; satisfied: number }>,
): Map<string, { n: number; satisfied: number }> {
  const out = new Map([...cells].map(([code, tally]) => [code, { ...tally }]));
  const deepestFirst = () => [...out.keys()].sort((a, b) => b.length - a.length);
  for (let moved = true; moved; ) {
    moved = false;
    for (const code of deepestFirst()) {
      const tally = out.get(code);
      const parent = parentOf(code);
      if (!tally || tally.n >= SMALL_CELL || !parent) continue;
      const into = out.get(parent) ?? { n: 0, satisfied: 0 };
      into.n += tally.n;
      into.satisfied += tally.satisfied;
      out.set(parent, into);
      out.delete(code);
      moved = true;
    }
  }
  return out;
}

export const surveyCounterSources: readonly CounterSource[] = [
  {
    module: 'surveys',
    counters: ['survey.answers', 'survey.satisfied'],
    count: (db, district) => surveyCounterRows(db, district, new Date()),
  },
];

const perMilleToPercent = (value: number | null) => (value === null ? null : value / 10);

export const SURVEY_INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'survey_satisfaction',
    module: 'surveys',
    label: { zh: '群众满意度测评满意率', en: 'Satisfaction in surveys' },
    note: {
      zh: '近 12 个月结束的满意度测评中回答“满意”或“非常满意”（5 分制 4 分及以上）的比例，附 95% 置信区间（Wilson）；匿名测评中答卷不足 3 份的区域并入上级统计',
      en: 'Share answering 4 or 5 of 5 (satisfied, very satisfied) in the satisfaction surveys closed in the last 12 months, with its 95% interval (Wilson); in anonymous surveys a place with fewer than 3 answers is counted in the one above',
    },
    unit: 'percent',
    better: 'higher',
    kind: 'stock',
    counters: ['survey.answers', 'survey.satisfied'],
    value: (get) => perMilleToPercent(wilson(get('survey.satisfied'), get('survey.answers')).share),
    interval: (get) => {
      const { low, high } = wilson(get('survey.satisfied'), get('survey.answers'));
      return low === null || high === null ? null : { low: low / 10, high: high / 10 };
    },
  },
];
