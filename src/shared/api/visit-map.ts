import { z } from 'zod';

/**
 * 大走访 on the map: the shapes of `GET /api/visit-map/{code}` (a grid's or building's households by
 * visit state), for the server's route and the web's map. Beside visits.ts, which is full.
 */

const regionCode = z.string().regex(/^\d{6,17}$/, 'field.region_code');
const optionalQuery = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value: unknown) => (value === '' ? undefined : value), schema.optional());

/**
 * A household's state in one campaign: met in person at least once, only attempted (nobody home,
 * refused), not yet visited (red on the map), or not among the campaign's households at all (a
 * tagged campaign targets only some).
 */
export const VISIT_MAP_STATES = ['met', 'attempted', 'not_visited', 'not_targeted'] as const;
export type VisitMapState = (typeof VISIT_MAP_STATES)[number];

export const visitMapParams = z.object({ code: regionCode });
/** The campaign to colour by; without it, the newest active campaign that covers the region. */
export const visitMapQuery = z.object({ campaign: optionalQuery(z.uuid()) });

export const visitMapSchema = z
  .object({
    regionCode: z.string(),
    /** Active campaigns covering the grid (or building), newest first: the map's choices. */
    campaigns: z.array(
      z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
    ),
    campaignId: z.string().nullable(),
    counts: z.object({
      met: z.number(),
      attempted: z.number(),
      notVisited: z.number(),
      notTargeted: z.number(),
    }),
    /** Every household of the register in the region; `regionCode` is its building's or the grid's. */
    households: z.array(
      z.object({
        id: z.string(),
        regionCode: z.string(),
        state: z.enum(VISIT_MAP_STATES),
        metCount: z.number(),
        attemptCount: z.number(),
        targetVisits: z.number().nullable(),
        lastVisitAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'VisitMap' });
export type VisitMap = z.infer<typeof visitMapSchema>;
