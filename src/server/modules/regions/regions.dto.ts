import type { z } from 'zod';
import type { regionSchema } from '../../../shared/api/regions.js';
import type { Region } from '../../db/tables.js';
import type { RegionWithCount } from './regions.repository.js';

/** Rows → the shapes of src/shared/api/regions.ts. */
export function toRegionDto(region: RegionWithCount): z.infer<typeof regionSchema> {
  return {
    code: region.code,
    name: region.name,
    kind: region.kind,
    parentCode: region.parent_code,
    districtCode: region.district_code,
    source: region.source,
    childCount: region.child_count,
  };
}

export const toAncestorDto = (region: Region) => ({
  code: region.code,
  name: region.name,
  kind: region.kind,
});
