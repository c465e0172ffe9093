import { z } from 'zod';
import { REGION_KINDS } from '../../../shared/organization-rules.js';
import type { Region } from '../../db/tables.js';
import type { RegionWithCount } from './regions.repository.js';

export const regionKindSchema = z.enum(REGION_KINDS);

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: regionKindSchema,
    parentCode: z.string().nullable(),
    districtCode: z.string(),
    source: z.enum(['division', 'local']),
    childCount: z.number().int(),
  })
  .meta({ id: 'Region' });

export const regionDetailSchema = regionSchema
  .extend({ ancestors: z.array(z.object({ code: z.string(), name: z.string(), kind: regionKindSchema })) })
  .meta({ id: 'RegionDetail' });

export const regionNameSchema = z.string().trim().min(1).max(50);

export const createChildBody = z.object({ kind: z.enum(['grid', 'building']), name: regionNameSchema });

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
