import { BankOutlined } from '@ant-design/icons';
import { Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { NeighbourMap } from '../../../api/types';
import { useI18n } from '../../../i18n/I18nProvider';
import { placeOf } from '../../households/place';
import { HouseholdScatter, isPlaced } from './HouseholdScatter';

/** A grid: its buildings with counts (click → building), and households outside buildings. */
export function GridMap({ map }: { map: NeighbourMap }) {
  const { t } = useI18n();
  const placed = map.households.filter(isPlaced);
  const unplaced = map.households.filter((h) => !isPlaced(h));
  return (
    <>
      {map.buildings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noBuildings')} />
      ) : (
        <Flex gap={12} wrap data-testid="map-buildings">
          {map.buildings.map((building) => (
            <Link
              key={building.code}
              to={`/regions/${building.code}`}
              className="lx-tile"
              style={{ width: 180, padding: '12px 14px' }}
              data-testid={`map-building-${building.code}`}
            >
              <Flex align="center" gap={8}>
                <BankOutlined style={{ color: '#1d5fb8', fontSize: 18 }} />
                <Typography.Text strong>{building.name}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {t('map.buildingCounts', { households: building.households, persons: building.persons })}
              </Typography.Text>
            </Link>
          ))}
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
              <HouseholdScatter households={placed} />
            </>
          )}
          {unplaced.length > 0 && (
            <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('map.noCoordinates', { count: unplaced.length })}
              </Typography.Text>
              {unplaced.map((h) => (
                <Link key={h.id} to={`/households/${h.id}`}>
                  {h.headName ?? placeOf(t, h)}
                </Link>
              ))}
            </Flex>
          )}
        </div>
      )}
    </>
  );
}
