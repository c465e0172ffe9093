import { Empty } from 'antd';
import { useMemo } from 'react';
import type { CockpitChild, IndicatorDefinition } from '../../api/cockpit';
import { useI18n } from '../../i18n/I18nProvider';
import type { ChartFigures } from './ChartFigures';
import { EChart } from './EChart';
import type { EChartsOption } from './echarts';
import { formatValue, labelOf, scaleColors } from './format';

/** The child regions in order on one indicator, best on top ("first of eight"). */
export function RankingChart({
  items,
  indicator,
}: {
  items: CockpitChild[];
  indicator: IndicatorDefinition;
}) {
  const { t, language } = useI18n();
  const ranked = useMemo(
    () =>
      items
        .filter((c) => c.values[indicator.code] !== null && c.values[indicator.code] !== undefined)
        .sort((a, b) => {
          const diff = (a.values[indicator.code] ?? 0) - (b.values[indicator.code] ?? 0);
          return indicator.better === 'higher' ? -diff : diff;
        }),
    [items, indicator],
  );
  const option = useMemo<EChartsOption>(() => {
    const colors = scaleColors(indicator);
    const good = colors.at(-1)!;
    const bad = colors[0]!;
    const values = ranked.map((c) => c.values[indicator.code]);
    const alike = values.every((v) => v === values[0]);
    return {
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ranked.map((c, i) => `${i + 1}. ${c.name}`),
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: ranked.map((c, i) => ({
            value: c.values[indicator.code],
            itemStyle: {
              color: alike ? '#91caff' : i === 0 ? good : i === ranked.length - 1 ? bad : '#91caff',
            },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (params: { value: number }) => formatValue(indicator, params.value, t),
          },
        },
      ],
    };
  }, [ranked, indicator, t]);
  const figures = useMemo<ChartFigures>(() => {
    const name = labelOf(indicator, language);
    return {
      label: t('cockpit.rankingLabel', { indicator: name }),
      columns: [t('cockpit.rankColumn'), t('cockpit.region'), name],
      rows: ranked.map((c, i) => [i + 1, c.name, formatValue(indicator, c.values[indicator.code], t)]),
    };
  }, [ranked, indicator, language, t]);
  if (ranked.length === 0) return <Empty description={t('cockpit.noData')} style={{ padding: '48px 0' }} />;
  return (
    <EChart
      option={option}
      figures={figures}
      height={Math.max(160, ranked.length * 26 + 24)}
      testId="cockpit-ranking"
    />
  );
}
