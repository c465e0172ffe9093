import { z } from 'zod';
import { regionCodeSchema } from './common.js';

/** Request and response shapes of the cockpit (/api/cockpit…). */

export const optionalRegion = z.preprocess((v) => (v === '' ? undefined : v), regionCodeSchema.optional());
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'cockpit.month_format');

/** A place the cockpit shows: a region, a city, or (code null) all of the caller's regions. */
export const nodeSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
});
export const valuesSchema = z.record(z.string(), z.number().nullable());
export type IndicatorValues = z.infer<typeof valuesSchema>;
export const rankedSchema = z.object({ code: z.string(), name: z.string(), value: z.number() }).nullable();
export type Ranked = NonNullable<z.infer<typeof rankedSchema>>;

export const indicatorUnitSchema = z.enum(['count', 'people', 'percent', 'hours', 'score', 'yuan']);
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

/** An indicator as the server's registry declares it (labels in both languages). */
export const indicatorDefinitionSchema = z.object({
  code: z.string(),
  module: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  /** What exactly is counted, where it could be misread. */
  note: z.object({ zh: z.string(), en: z.string() }).optional(),
  unit: indicatorUnitSchema,
  better: z.enum(['higher', 'lower']),
  kind: z.enum(['flow', 'stock']),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

export const cockpitChildSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  hasChildren: z.boolean(),
  values: valuesSchema,
});
export type CockpitChild = z.infer<typeof cockpitChildSchema>;

export const cockpitSchema = z
  .object({
    node: nodeSchema,
    path: z.array(nodeSchema),
    months: z.array(z.string()),
    asOf: z.string().nullable(),
    indicators: z.array(indicatorDefinitionSchema),
    values: valuesSchema,
    /** For values drawn from a sample (survey satisfaction): the 95% interval, in the value's unit. */
    intervals: z.record(z.string(), z.object({ low: z.number(), high: z.number() })),
    trends: z.record(z.string(), z.array(z.number().nullable())),
    children: z.array(cockpitChildSchema),
    rankings: z.record(z.string(), z.object({ best: rankedSchema, worst: rankedSchema })),
  })
  .meta({ id: 'Cockpit' });
export type Cockpit = z.infer<typeof cockpitSchema>;
export type CockpitNode = z.infer<typeof nodeSchema>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
      geometry: z.unknown(),
    }),
  ),
});
export type FeatureCollection = z.infer<typeof featureCollectionSchema>;

export const cockpitQuery = z.object({
  region: optionalRegion,
  months: z.coerce.number().int().min(1).max(36).default(12),
  to: z.preprocess((v) => (v === '' ? undefined : v), monthSchema.optional()),
});
export const boundariesQuery = z.object({ region: optionalRegion });
export const cockpitExportQuery = z.object({
  region: optionalRegion,
  months: z.coerce.number().int().min(1).max(36).default(12),
});
export const monthlyReportQuery = z.object({
  region: optionalRegion,
  month: z.preprocess((v) => (v === '' ? undefined : v), monthSchema.optional()),
});
