import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Grid, Spin } from 'antd';
import { neighbourMapQuery } from '../../../api/households';
import type { RegionDetail } from '../../../api/types';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { BuildingDiagram } from './BuildingDiagram';
import { GridMap } from './GridMap';

/**
 * 住户分布 on a grid or building page; the caller checks person.read for the region. On a phone the
 * card keeps its padding small, leaving the rooms of a building the width of the screen.
 */
export function NeighbourMapCard({ region }: { region: RegionDetail }) {
  const { t } = useI18n();
  const narrow = Grid.useBreakpoint().md === false;
  const map = useQuery(neighbourMapQuery(region.code));
  return (
    <Card
      title={t('map.title')}
      size={narrow ? 'small' : 'default'}
      style={{ marginTop: 16 }}
      data-testid="neighbour-map"
    >
      {map.isPending && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      )}
      {map.isError && <QueryError error={map.error} onRetry={() => void map.refetch()} />}
      {map.data &&
        (region.kind === 'building' ? (
          <BuildingDiagram households={map.data.households} />
        ) : (
          <GridMap map={map.data} />
        ))}
    </Card>
  );
}
