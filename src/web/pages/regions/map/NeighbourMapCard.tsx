import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Grid, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { neighbourMapQuery } from '../../../api/households';
import type { RegionDetail } from '../../../api/types';
import { visitMapQuery } from '../../../api/visit-map';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { hasPermissionIn } from '../../../session/permissions';
import { useMe } from '../../../session/useMe';
import { BuildingDiagram } from './BuildingDiagram';
import { GridMap } from './GridMap';
import { VisitLegend } from './VisitLegend';
import type { VisitStateOf } from './visit-states';

/**
 * 住户分布 on a grid or building page; the caller checks person.read for the region. On a phone the
 * card keeps its padding small, leaving the rooms of a building the width of the screen. With
 * visit.read there too, households are marked by their visit state in an active campaign.
 */
export function NeighbourMapCard({ region }: { region: RegionDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const narrow = Grid.useBreakpoint().md === false;
  const map = useQuery(neighbourMapQuery(region.code));
  const [campaign, setCampaign] = useState<string>();
  const visits = useQuery({
    ...visitMapQuery(region.code, campaign),
    enabled: hasPermissionIn(me, 'visit.read', region.code),
  });
  const visitOf = useMemo<VisitStateOf | undefined>(() => {
    if (!visits.data?.campaignId) return undefined;
    const byId = new Map(visits.data.households.map((h) => [h.id, h]));
    return (id) => byId.get(id);
  }, [visits.data]);
  return (
    <Card
      title={t('map.title')}
      size={narrow ? 'small' : 'default'}
      style={{ marginTop: 16 }}
      data-testid="neighbour-map"
    >
      {(map.isPending || visits.isLoading) && (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      )}
      {map.isError && <QueryError error={map.error} onRetry={() => void map.refetch()} />}
      {visits.isError && <QueryError error={visits.error} onRetry={() => void visits.refetch()} />}
      {visits.data && <VisitLegend map={visits.data} onCampaign={setCampaign} />}
      {map.data &&
        (region.kind === 'building' ? (
          <BuildingDiagram households={map.data.households} visitOf={visitOf} />
        ) : (
          <GridMap map={map.data} visits={visitOf ? visits.data : undefined} visitOf={visitOf} />
        ))}
    </Card>
  );
}
