import { Empty } from 'antd';
import { useMemo } from 'react';
import type { Cockpit } from '../../api/cockpit';
import { useI18n } from '../../i18n/I18nProvider';
import type { ChartFigures } from './ChartFigures';
import { EChart } from './EChart';
import type { EChartsOption } from './echarts';
import { labelOf } from './format';

const BARS = ['wo_received', 'wo_closed'] as const;
const LINES = ['wo_satisfaction_rate', 'wo_on_time_rate'] as const;
const COLORS: Record<string, string> = {
  wo_received: '#1677ff',
  wo_closed: '#52c41a',
  wo_satisfaction_rate: '#fa8c16',
  wo_on_time_rate: '#eb2f96',
};

/** Orders received and closed per month (bars), satisfaction and on-time rates (lines, 0–100%). */
export function TrendChart({ cockpit }: { cockpit: Cockpit }) {
  const { t, language } = useI18n();
  const definitions = useMemo(
    () => new Map(cockpit.indicators.map((i) => [i.code, i])),
    [cockpit.indicators],
  );
  const empty = (cockpit.trends.wo_received ?? []).every((v) => !v);
  const option = useMemo<EChartsOption>(() => {
    const name = (code: string) => {
      const definition = definitions.get(code);
      return definition ? labelOf(definition, language) : code;
    };
    return {
      color: [...BARS, ...LINES].map((code) => COLORS[code] ?? '#1677ff'),
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: cockpit.months.map((m) => m.slice(2).replace('-', '.')) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        ...BARS.map((code) => ({
          name: name(code),
          type: 'bar',
          barMaxWidth: 14,
          data: cockpit.trends[code] ?? [],
        })),
        ...LINES.map((code) => ({
          name: name(code),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          symbolSize: 6,
          data: cockpit.trends[code] ?? [],
        })),
      ],
    };
  }, [cockpit, definitions, language]);
  const figures = useMemo<ChartFigures>(() => {
    const codes = [...BARS, ...LINES];
    const name = (code: string) => {
      const definition = definitions.get(code);
      return definition ? labelOf(definition, language) : code;
    };
    return {
      label: t('cockpit.trendLabel', { from: cockpit.months[0] ?? '', to: cockpit.months.at(-1) ?? '' }),
      columns: [t('cockpit.month'), ...codes.map(name)],
      rows: cockpit.months.map((month, i) => [
        month,
        ...codes.map((code) => {
          const value = cockpit.trends[code]?.[i];
          if (value === null || value === undefined) return '—';
          return (LINES as readonly string[]).includes(code) ? `${value}%` : value;
        }),
      ]),
    };
  }, [cockpit, definitions, language, t]);
  if (empty) return <Empty description={t('cockpit.trendEmpty')} style={{ padding: '48px 0' }} />;
  return <EChart option={option} figures={figures} height={300} testId="cockpit-trend" />;
}
