import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { regionQuery } from '../../api/regions';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { ChildrenTable } from './ChildrenTable';
import { NeighbourMapCard } from './map/NeighbourMapCard';
import { RegionHeader } from './RegionHeader';
import { RegionNotFound } from './RegionNotFound';

/** /regions/:code — one region and its subregions; for grids and buildings, where households live. */
export function RegionPage() {
  const code = useParams().code ?? '';
  const me = useMe();
  const region = useQuery(regionQuery(code));

  if (region.isPending) return <FullPageSpin />;
  if (region.isError) {
    // 404 means "no such region" and "not yours" alike; a malformed code in the URL answers 400.
    if (isApiError(region.error, 404) || isApiError(region.error, 400)) return <RegionNotFound />;
    return <QueryError error={region.error} onRetry={() => void region.refetch()} />;
  }
  const canWrite = hasPermissionIn(me, 'region.write', region.data.code);
  const hasHouseholds = region.data.kind === 'grid' || region.data.kind === 'building';
  const showMap = hasHouseholds && hasPermissionIn(me, 'person.read', region.data.code);
  return (
    <div data-testid="region-page">
      <RegionHeader region={region.data} canWrite={canWrite} />
      {showMap && <NeighbourMapCard key={region.data.code} region={region.data} />}
      {/* A building has no subregions: its page is its households. */}
      {region.data.kind !== 'building' && (
        <ChildrenTable key={region.data.code} parent={region.data} canWrite={canWrite} />
      )}
    </div>
  );
}
