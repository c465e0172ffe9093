import { Empty, Flex, Select, Typography } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import type { CockpitChild, IndicatorDefinition, RegionFeatureCollection } from '../../api/cockpit';
import { useI18n } from '../../i18n/I18nProvider';
import type { ChartFigures } from './ChartFigures';
import { type ChartClick, EChart } from './EChart';
import { type EChartsOption, echarts } from './echarts';
import { formatValue, labelOf, scaleColors } from './format';

type Ring = [number, number][];

/** The middle of a feature's largest ring (lon, lat): where its label sits and a click lands. */
function centerOf(geometry: unknown): [number, number] | null {
  const { type, coordinates } = geometry as { type: string; coordinates: unknown };
  const polygons = (
    type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : []
  ) as Ring[][];
  let best: { area: number; center: [number, number] } | null = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    if (!ring || ring.length < 4) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      const cross = x1 * y2 - x2 * y1;
      a += cross;
      cx += (x1 + x2) * cross;
      cy += (y1 + y2) * cross;
    }
    if (a === 0) continue;
    const center: [number, number] = [cx / (3 * a), cy / (3 * a)];
    if (!best || Math.abs(a) > best.area) best = { area: Math.abs(a), center };
  }
  return best?.center ?? null;
}

interface Props {
  mapKey: string;
  features: RegionFeatureCollection | undefined;
  loading: boolean;
  items: CockpitChild[];
  indicators: IndicatorDefinition[];
  indicator: IndicatorDefinition;
  onIndicator: (code: string) => void;
  onOpen: (code: string) => void;
}

/**
 * The child regions colored by one indicator (red bad, green good). A click on a region that has
 * regions below opens it. The container carries `data-centers` (each region's label position in
 * pixels) so a browser test can click a region like a person does.
 */
export function RegionMap({
  mapKey,
  features,
  loading,
  items,
  indicators,
  indicator,
  onIndicator,
  onOpen,
}: Props) {
  const { t, language } = useI18n();
  const wrapper = useRef<HTMLDivElement>(null);
  const mapName = `cockpit-${mapKey}`;
  const byCode = useMemo(() => new Map(items.map((c) => [c.code, c])), [items]);
  const drawable = (features?.features.length ?? 0) > 0;
  // Child regions the table counts but the map cannot draw (a grid created after the outlines were
  // imported): named under the map, with how to add them, rather than silently missing.
  const outlined = new Set(features?.features.map((f) => f.properties.code) ?? []);
  const withoutOutline = drawable ? items.filter((child) => !outlined.has(child.code)) : [];

  const option = useMemo<EChartsOption | null>(() => {
    if (!features || !drawable) return null;
    echarts.registerMap(mapName, features as unknown as Parameters<typeof echarts.registerMap>[1]);
    const values = items
      .map((c) => c.values[indicator.code])
      .filter((v): v is number => v !== null && v !== undefined);
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 1;
    // All alike: one neutral color (no region is worse than another).
    const alike = max === min;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string }) => {
          const child = byCode.get(params.name);
          // The tooltip is HTML: region names are typed by people, so they are escaped.
          const name = echarts.format.encodeHTML(child?.name ?? params.name);
          return `${name}<br/>${labelOf(indicator, language)}${t('common.colon')}${formatValue(indicator, child?.values[indicator.code], t)}`;
        },
      },
      visualMap: {
        type: 'continuous',
        // No child has a value (0 of 0): no scale to show.
        show: values.length > 0,
        min,
        max: max === min ? min + 1 : max,
        left: 8,
        bottom: 8,
        itemHeight: 100,
        calculable: false,
        text: alike
          ? ['', formatValue(indicator, min, t)]
          : [formatValue(indicator, max, t), formatValue(indicator, min, t)],
        inRange: { color: alike ? ['#91caff', '#91caff'] : scaleColors(indicator) },
        textStyle: { color: '#646a73' },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          selectedMode: false,
          // The whole box but the scale's corner; the outline keeps its proportions.
          left: 72,
          right: 12,
          top: 12,
          bottom: 12,
          label: {
            show: true,
            fontSize: 11,
            color: '#1f2329',
            formatter: (params: { name: string }) => byCode.get(params.name)?.name ?? '',
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1.2, areaColor: '#e4e7ec' },
          emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#91caff' } },
          data: items.map((c) => ({ name: c.code, value: c.values[indicator.code] ?? Number.NaN })),
        },
      ],
    };
  }, [features, drawable, mapName, items, indicator, byCode, language, t]);

  const figures = useMemo<ChartFigures>(() => {
    const name = labelOf(indicator, language);
    return {
      label: t('cockpit.mapLabel', { indicator: name }),
      columns: [t('cockpit.region'), name],
      rows: items.map((c) => [c.name, formatValue(indicator, c.values[indicator.code], t)]),
    };
  }, [items, indicator, language, t]);

  const onClick = useCallback(
    (event: ChartClick) => {
      if (byCode.get(event.name)?.hasChildren) onOpen(event.name);
    },
    [byCode, onOpen],
  );

  const onRendered = useCallback(
    (chart: echarts.ECharts) => {
      if (!features || !wrapper.current) return;
      const centers: Record<string, [number, number]> = {};
      for (const feature of features.features) {
        const center = centerOf(feature.geometry);
        if (!center) continue;
        const pixel = chart.convertToPixel({ seriesIndex: 0 }, center) as number[] | undefined;
        if (pixel) centers[feature.properties.code] = [Math.round(pixel[0]!), Math.round(pixel[1]!)];
      }
      wrapper.current.dataset.centers = JSON.stringify(centers);
    },
    [features],
  );

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {drawable && items.some((c) => c.hasChildren) ? t('cockpit.mapHint') : ''}
        </Typography.Text>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('cockpit.mapIndicator')}</Typography.Text>
          <Select
            value={indicator.code}
            onChange={onIndicator}
            style={{ width: 180 }}
            options={indicators.map((i) => ({ value: i.code, label: labelOf(i, language) }))}
            aria-label={t('cockpit.mapIndicator')}
            data-testid="cockpit-map-indicator"
          />
        </Flex>
      </Flex>
      {option ? (
        <div ref={wrapper} data-testid="cockpit-map">
          <EChart option={option} figures={figures} height={420} onClick={onClick} onRendered={onRendered} />
          {withoutOutline.length > 0 && (
            <Typography.Text type="secondary" data-testid="cockpit-map-missing">
              {t('cockpit.missingOutlines', {
                names: withoutOutline.map((child) => child.name).join(language === 'zh' ? '、' : ', '),
              })}
            </Typography.Text>
          )}
        </div>
      ) : (
        <Empty
          style={{ padding: '64px 0' }}
          description={
            loading ? ' ' : items.length === 0 ? t('cockpit.noChildren') : t('cockpit.noBoundaries')
          }
          data-testid="cockpit-map-empty"
        />
      )}
    </div>
  );
}
