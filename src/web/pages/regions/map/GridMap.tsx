import { BankOutlined } from '@ant-design/icons';
import { Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { NeighbourMap } from '../../../api/types';
import type { VisitMap } from '../../../api/visit-map';
import { useI18n } from '../../../i18n/I18nProvider';
import { placeOf } from '../../households/place';
import { BuildingVisits } from './BuildingVisits';
import { HouseholdScatter, isPlaced } from './HouseholdScatter';
import { countsAt, VISIT_COLORS, type VisitStateOf } from './visit-states';

/**
 * A grid: its buildings with counts (click → building), and households outside buildings. With a
 * campaign, each building says how many of its households are not yet visited (a red edge while
 * any is) and each loose household is marked by its state.
 */
export function GridMap({
  map,
  visits,
  visitOf,
}: {
  map: NeighbourMap;
  visits?: VisitMap | undefined;
  visitOf?: VisitStateOf | undefined;
}) {
  const { t } = useI18n();
  const placed = map.households.filter(isPlaced);
  const unplaced = map.households.filter((h) => !isPlaced(h));
  return (
    <>
      {map.buildings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noBuildings')} />
      ) : (
        <Flex gap={12} wrap data-testid="map-buildings">
          {map.buildings.map((building) => {
            const counts = visits ? countsAt(visits, building.code) : undefined;
            const edge = counts
              ? counts.not_visited > 0
                ? VISIT_COLORS.not_visited
                : counts.attempted > 0
                  ? VISIT_COLORS.attempted
                  : VISIT_COLORS.met
              : undefined;
            return (
              <Link
                key={building.code}
                to={`/regions/${building.code}`}
                className="lx-tile"
                style={{
                  width: 180,
                  padding: '12px 14px',
                  ...(edge ? { borderLeft: `4px solid ${edge}` } : {}),
                }}
                data-testid={`map-building-${building.code}`}
              >
                <Flex align="center" gap={8}>
                  <BankOutlined style={{ color: '#1d5fb8', fontSize: 18 }} />
                  <Typography.Text strong>{building.name}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary">
                  {t('map.buildingCounts', { households: building.households, persons: building.persons })}
                </Typography.Text>
                {counts && <BuildingVisits counts={counts} />}
              </Link>
            );
          })}
        </Flex>
      )}
      {map.households.length > 0 && (
        <div style={{ marginTop: 20 }}>
          <Typography.Title level={5}>{t('map.loose')}</Typography.Title>
          {placed.length > 0 && (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('map.looseHint')}
              </Typography.Paragraph>
              <HouseholdScatter households={placed} visitOf={visitOf} />
            </>
          )}
          {unplaced.length > 0 && (
            <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('map.noCoordinates', { count: unplaced.length })}
              </Typography.Text>
              {unplaced.map((h) => {
                const visit = visitOf?.(h.id);
                return (
                  <Link
                    key={h.id}
                    to={`/households/${h.id}`}
                    data-visit-state={visit?.state}
                    style={visit ? { color: VISIT_COLORS[visit.state] } : undefined}
                  >
                    {h.headName ?? placeOf(t, h)}
                    {visit && `（${t(`visitMap.state.${visit.state}`)}）`}
                  </Link>
                );
              })}
            </Flex>
          )}
        </div>
      )}
    </>
  );
}
