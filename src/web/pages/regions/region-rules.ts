import type { Region, RegionKind } from '../../api/types';

/** What may be created under a region: grids under communities/villages, buildings under grids. */
export function childKindOf(kind: RegionKind): 'grid' | 'building' | null {
  if (kind === 'community' || kind === 'village') return 'grid';
  if (kind === 'grid') return 'building';
  return null;
}

/** Official divisions are imported and read-only; grids and buildings made here can change. */
export const isLocal = (region: Pick<Region, 'source'>) => region.source === 'local';
