import { z } from 'zod';
import { idSchema, itemsOf, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/** Request and response shapes of 好事实事, the ledger of members' deeds (/api/deeds, /api/me/deeds). */

const deedFields = {
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).optional(),
  doneOn: z.iso.date(),
};

/** A member records their own deed. */
export const ownDeedBody = z.object(deedFields).strict();
/** Staff record a deed for a member in scope. */
export const deedBody = z.object({ memberId: idSchema, ...deedFields }).strict();
export type NewDeed = z.input<typeof deedBody>;

export const deedQuery = z.object({
  region: optionalParam(regionCodeSchema),
  member: optionalParam(idSchema),
  limit: limitSchema,
});
export const deedSummaryQuery = z.object({ region: optionalParam(regionCodeSchema) });

/** One good deed of a member, recorded by hand or when they resolved an order. */
export const deedSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  regionCode: z.string(),
  workOrderId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  doneOn: z.string(),
});
export type Deed = z.infer<typeof deedSchema>;
export const deedListSchema = itemsOf(deedSchema);

export const deedSummarySchema = z.object({
  byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string(), deeds: z.number() })),
  byMember: z.array(z.object({ memberId: z.string(), memberName: z.string(), deeds: z.number() })),
});
export type DeedSummary = z.infer<typeof deedSummarySchema>;

export const deedCreatedSchema = z.object({ id: z.string() });
