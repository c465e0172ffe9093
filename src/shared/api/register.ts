import { z } from 'zod';
import {
  auditReasonSchema,
  cursorParam,
  itemsOf,
  limitSchema,
  optionalText,
  pageOf,
  regionCodeSchema,
} from './common.js';

/** Request and response shapes of the register: persons, households, tags, import jobs. */

const optionalNumber = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

export const personQuerySchema = z.object({
  q: optionalText(50),
  region: z.preprocess((v) => (v === '' ? undefined : v), regionCodeSchema.optional()),
  tag: optionalText(32),
  gender: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['male', 'female']).optional()),
  ageMin: optionalNumber(0, 150),
  ageMax: optionalNumber(0, 150),
  cursor: cursorParam,
  limit: limitSchema,
});

export const personSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']),
    age: z.number().int().describe('whole years; the birth date is never shown beside a masked ID'),
    idNumber: z.string().describe('masked, e.g. 230108********1234'),
    phone: z.string().describe('masked, e.g. 138****5678'),
    ethnicity: z.string(),
    relation: z.string(),
    regionCode: z.string(),
    householdId: z.string().nullable(),
    status: z.enum(['active', 'moved_out', 'deceased', 'anonymized', 'non_resident']),
    tags: z.array(z.string()),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummarySchema>;

/** A row of the residents list: with where the person lives, named from below the reader's level. */
export const personListItemSchema = personSummarySchema
  .extend({
    regionPath: z
      .array(z.string())
      .describe('region names from just below the reader’s level down to the person’s region'),
  })
  .meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof personListItemSchema>;

export const personDetailSchema = personSummarySchema
  .extend({
    registeredAddress: z.string(),
    currentAddress: z.string(),
    note: z.string(),
    hasHealthRecord: z.boolean(),
    healthUpdatedAt: z.string().nullable(),
    moves: z.array(z.object({ at: z.string(), fromRegionCode: z.string(), toRegionCode: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const reasonSchema = auditReasonSchema;

export const revealBody = z.object({ field: z.enum(['idNumber', 'phone', 'health']), reason: reasonSchema });

export const correctBody = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    phone: z.string().trim().max(20).nullable().optional(),
    ethnicity: z.string().trim().max(20).optional(),
    currentAddress: z.string().trim().max(200).optional(),
    registeredAddress: z.string().trim().max(200).optional(),
    note: z.string().max(500).optional(),
    tags: z.array(z.string().trim().min(1).max(32)).max(20).optional(),
  })
  .strict();

export const healthBody = z.object({
  conditions: z.string().trim().max(1000),
  doctorContact: z.string().trim().max(200),
  lastCheckup: z.iso.date().or(z.literal('')),
});

export const householdCellSchema = z.object({
  id: z.string(),
  unit: z.string(),
  floor: z.number().int().nullable(),
  room: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  headName: z.string().nullable(),
  size: z.number().int(),
  tags: z.array(z.string()),
  caringMember: z.string().nullable(),
});
export type HouseholdCell = z.infer<typeof householdCellSchema>;

export const householdSchema = householdCellSchema
  .extend({
    regionCode: z.string(),
    regionName: z.string(),
    gridCode: z.string(),
    overview: z.string(),
    members: z.array(personSummarySchema.extend({ isHead: z.boolean(), hasHealthRecord: z.boolean() })),
    contactHistory: z.array(z.object({ at: z.string(), kind: z.string(), summary: z.string() })),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof householdSchema>;

export const neighbourMapSchema = z
  .object({
    kind: z.string(),
    regionCode: z.string(),
    name: z.string(),
    buildings: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        households: z.number().int(),
        persons: z.number().int(),
      }),
    ),
    households: z.array(householdCellSchema),
  })
  .meta({ id: 'NeighbourMap' });
export type NeighbourMap = z.infer<typeof neighbourMapSchema>;

export const importJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['residents', 'members']),
    fileName: z.string(),
    status: z.enum(['running', 'succeeded', 'rejected', 'failed']),
    skipInvalid: z.boolean(),
    progress: z.number(),
    totalRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
    hasReport: z.boolean(),
    message: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const exportBody = z.object({
  q: z.string().trim().max(50).optional(),
  region: regionCodeSchema.optional(),
  tag: z.string().trim().max(32).optional(),
  gender: z.enum(['male', 'female']).optional(),
  ageMin: z.number().int().min(0).max(150).optional(),
  ageMax: z.number().int().min(0).max(150).optional(),
  reveal: z.object({ reason: reasonSchema }).optional(),
});

export const personPageSchema = pageOf(personListItemSchema);
export type PersonQuery = z.input<typeof personQuerySchema>;
export type CorrectBody = z.input<typeof correctBody>;
export type HealthBody = z.input<typeof healthBody>;
export type ExportBody = z.input<typeof exportBody>;
export const reasonBody = z.object({ reason: reasonSchema });

export const tagSchema = z.object({ code: z.string(), name: z.string() });
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = itemsOf(tagSchema);

export const revealedSchema = z.object({ field: z.string(), value: z.string() });
export type Revealed = z.infer<typeof revealedSchema>;

/** Everything held about one person, in clear: a document for the data subject, not a fixed shape. */
export const subjectExportSchema = z.record(z.string(), z.unknown());

export const neighbourSchema = z.object({
  relation: z.enum(['left', 'right', 'above', 'below', 'near']),
  distanceMetres: z.number().nullable(),
  household: householdSchema.pick({
    id: true,
    unit: true,
    floor: true,
    room: true,
    address: true,
    headName: true,
    size: true,
    tags: true,
  }),
});
export type Neighbour = z.infer<typeof neighbourSchema>;
export const neighbourListSchema = itemsOf(neighbourSchema);

export const neighbourMapParams = z.object({ code: regionCodeSchema });
export const importQuery = z.object({ skipInvalid: z.enum(['true', 'false']).default('false') });
export const importJobListSchema = itemsOf(importJobSchema);
