import { z } from 'zod';
import { REGION_KINDS } from '../organization-rules.js';
import { itemsOf, regionCodeSchema } from './common.js';

/** Request and response shapes of /api/regions: the server validates with them, the web parses with them. */

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
export type Region = z.infer<typeof regionSchema>;

export const regionAncestorSchema = z.object({ code: z.string(), name: z.string(), kind: regionKindSchema });

export const regionDetailSchema = regionSchema
  .extend({ ancestors: z.array(regionAncestorSchema) })
  .meta({ id: 'RegionDetail' });
export type RegionDetail = z.infer<typeof regionDetailSchema>;

/** A search hit: a region without its child count. */
export const regionSummarySchema = regionSchema.omit({ childCount: true });
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const regionNameSchema = z.string().trim().min(1).max(50);

export const regionCodeParams = z.object({ code: regionCodeSchema });

export const regionSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const regionNamesQuery = z.object({
  codes: z
    .string()
    .max(2000)
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(regionCodeSchema).min(1).max(100)),
});

const namedRegionSchema = z.object({ code: z.string(), name: z.string(), kind: regionKindSchema });

/** A region's name with the names of its ancestors in scope (a breadcrumb). */
export const regionNamesItemSchema = namedRegionSchema.extend({ ancestors: z.array(namedRegionSchema) });
export type RegionNames = z.infer<typeof regionNamesItemSchema>;

export const createChildBody = z.object({ kind: z.enum(['grid', 'building']), name: regionNameSchema });
export const renameRegionBody = z.object({ name: regionNameSchema });

export const regionListSchema = itemsOf(regionSchema);
export const regionSearchSchema = itemsOf(regionSummarySchema);
export const regionNamesSchema = itemsOf(regionNamesItemSchema);
