import type { Interval } from '../../api/surveys';
import type { Translate } from '../../i18n/translate';

const percent = (perMille: number) => `${(perMille / 10).toFixed(1)}%`;

/** The share and its 95% interval in words, e.g. 满意率 66.7%，95% 置信区间 20.8%–93.9%（n = 3，Wilson 法）. */
export function intervalText(t: Translate, interval: Interval, n: number): string {
  if (n === 0) return t('surveys.results.none');
  if (interval.share === null || interval.low === null || interval.high === null)
    return t('surveys.results.hidden');
  return t('surveys.results.text', {
    share: percent(interval.share),
    low: percent(interval.low),
    high: percent(interval.high),
    n,
  });
}
