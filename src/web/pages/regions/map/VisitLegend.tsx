import { Flex, Select, Typography } from 'antd';
import type { VisitMap, VisitMapState } from '../../../api/visit-map';
import { useI18n } from '../../../i18n/I18nProvider';
import { VISIT_COLORS } from './visit-states';

const SHOWN: { state: VisitMapState; count: keyof VisitMap['counts'] }[] = [
  { state: 'not_visited', count: 'notVisited' },
  { state: 'attempted', count: 'attempted' },
  { state: 'met', count: 'met' },
  { state: 'not_targeted', count: 'notTargeted' },
];

/**
 * Above the map: which campaign colours it (a choice when several cover the place) and the legend,
 * each colour with its words and its number of households.
 */
export function VisitLegend({ map, onCampaign }: { map: VisitMap; onCampaign: (id: string) => void }) {
  const { t } = useI18n();
  if (!map.campaignId)
    return (
      <Typography.Paragraph type="secondary" data-testid="visit-legend">
        {t('visitMap.noCampaign')}
      </Typography.Paragraph>
    );
  return (
    <div data-testid="visit-legend" style={{ marginBottom: 12 }}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('visitMap.campaign')}</Typography.Text>
        {map.campaigns.length > 1 ? (
          <Select
            value={map.campaignId}
            onChange={onCampaign}
            options={map.campaigns.map((c) => ({ value: c.id, label: c.name }))}
            style={{ minWidth: 180 }}
            aria-label={t('visitMap.campaign')}
            data-testid="visit-campaign"
          />
        ) : (
          <Typography.Text strong>{map.campaigns[0]?.name}</Typography.Text>
        )}
      </Flex>
      <Flex gap={16} wrap role="list" aria-label={t('visitMap.hint')}>
        {SHOWN.filter(({ count }) => count !== 'notTargeted' || map.counts.notTargeted > 0).map(
          ({ state, count }) => (
            <Flex key={state} align="center" gap={6} role="listitem" data-testid={`visit-count-${state}`}>
              <span
                aria-hidden
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: 6,
                  background: VISIT_COLORS[state],
                  display: 'inline-block',
                }}
              />
              <Typography.Text>
                {t(`visitMap.state.${state}`)}{' '}
                <strong>{t('visitMap.count', { count: map.counts[count] })}</strong>
              </Typography.Text>
            </Flex>
          ),
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('visitMap.hint')}
      </Typography.Text>
    </div>
  );
}
