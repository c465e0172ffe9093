import type { IndicatorDefinition } from '../../api/cockpit';
import type { Language } from '../../i18n/language';
import type { Translate } from '../../i18n/translate';

export const labelOf = (indicator: IndicatorDefinition, language: Language): string =>
  indicator.label[language];

/** A value as people read it: 4,138 · 96.5% · 12.3 小时 · ¥946,000 · — for "not defined" (0 of 0). */
export function formatValue(
  indicator: IndicatorDefinition,
  value: number | null | undefined,
  t: Translate,
): string {
  if (value === null || value === undefined) return '—';
  if (indicator.unit === 'percent') return `${value}%`;
  if (indicator.unit === 'hours') return `${value} ${t('cockpit.hours')}`;
  if (indicator.unit === 'yuan') return `¥${value.toLocaleString('en-US')}`;
  return value.toLocaleString('en-US');
}

/** Red for bad, green for good, whichever way the indicator points. */
export const scaleColors = (indicator: IndicatorDefinition): string[] =>
  indicator.better === 'higher'
    ? ['#f4664a', '#faad14', '#fadb14', '#a0d911', '#52c41a']
    : ['#52c41a', '#a0d911', '#fadb14', '#faad14', '#f4664a'];
