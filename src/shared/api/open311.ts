import { z } from 'zod';
import { itemsOf, regionCodeSchema } from './common.js';

/** Request and response shapes of the staff side of Open311: API keys and public descriptions. */

export const open311KeySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  districtCode: z.string(),
  /** The first characters of the key, to tell keys apart; the key itself is never shown again. */
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;
export const open311KeyListSchema = itemsOf(open311KeySchema);

export const createOpen311KeyBody = z
  .object({ name: z.string().trim().min(1).max(100), regionCode: regionCodeSchema })
  .strict();
export type NewOpen311Key = z.input<typeof createOpen311KeyBody>;

/** A new key with the key itself: the only time it is ever shown. */
export const createdOpen311KeySchema = open311KeySchema.extend({ key: z.string() });
export type CreatedOpen311Key = z.infer<typeof createdOpen311KeySchema>;

export const publicDescriptionBody = z
  .object({
    /** The public text; empty withdraws it. */
    text: z.string().max(1000),
  })
  .strict();

export const publicDescriptionSchema = z.object({
  number: z.string(),
  publicDescription: z.string().nullable(),
  version: z.number(),
});
export type PublicDescription = z.infer<typeof publicDescriptionSchema>;
