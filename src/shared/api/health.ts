import { z } from 'zod';

/** Response shapes of /api/health (liveness) and /api/health/ready (the database answers). */

export const liveSchema = z.object({ status: z.literal('ok') });
const databaseKind = z.enum(['sqlite', 'postgres']);
export const readySchema = z.object({ status: z.literal('ok'), database: databaseKind });
export const unavailableSchema = z.object({ status: z.literal('unavailable'), database: databaseKind });
