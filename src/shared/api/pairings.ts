import { z } from 'zod';
import { auditReasonSchema, cursorParam, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/**
 * Assistance pairings (帮扶结对): request and response shapes shared by the server's routes and the
 * web. Money is integer fen; dates are Beijing calendar dates (YYYY-MM-DD).
 */

/** Who helps: a cadre's account, a party member, or an organization of the organization tree. */
export const PAIRING_HELPER_KINDS = ['user', 'member', 'organization'] as const;
export type PairingHelperKind = (typeof PAIRING_HELPER_KINDS)[number];

/** Who is helped: an enterprise, a community or village, a household in difficulty. */
export const PAIRING_TARGET_KINDS = ['enterprise', 'region', 'household'] as const;
export type PairingTargetKind = (typeof PAIRING_TARGET_KINDS)[number];

export const PAIRING_STATUSES = ['active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** Why a pairing ended; `tag_removed` is set by the system when a household's difficulty tag goes. */
export const PAIRING_END_REASONS = ['tag_removed', 'goals_met', 'moved_out', 'reassigned', 'other'] as const;
export type PairingEndReason = (typeof PAIRING_END_REASONS)[number];

export const CONTACT_METHODS = ['visit', 'phone', 'online', 'meeting'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const SUPPORT_KINDS = ['money', 'goods', 'services'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * The register's tags that mark a household in difficulty (a household is one when any of its
 * residents on the register carries one). The catalogue has 低保户 and 特困; no 困难家庭 tag exists.
 */
export const DIFFICULTY_TAGS = ['低保户', '特困'] as const;

const uuid = z.string().uuid('field.invalid');
const dateSchema = z.iso.date({ error: 'pairing.date_format' });
const text = (max: number, code: 'pairing.goals_required' | 'pairing.description_required') =>
  z.string({ error: code }).trim().min(2, code).max(max, 'field.too_long');

export const createPairingBody = z
  .object({
    helperKind: z.enum(PAIRING_HELPER_KINDS, { error: 'field.invalid_value' }),
    helperId: uuid,
    targetKind: z.enum(PAIRING_TARGET_KINDS, { error: 'field.invalid_value' }),
    /** An enterprise's or household's id, or a community's/village's region code. */
    targetId: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(36),
    goals: text(1000, 'pairing.goals_required'),
    plan: z.string().trim().max(2000, 'field.too_long').default(''),
    startedOn: dateSchema,
    nextContactOn: optionalParam(dateSchema),
  })
  .strict();
export type CreatePairingBody = z.output<typeof createPairingBody>;

export const contactBody = z
  .object({
    contactedOn: dateSchema,
    method: z.enum(CONTACT_METHODS, { error: 'field.invalid_value' }),
    note: text(1000, 'pairing.description_required'),
    nextContactOn: optionalParam(dateSchema),
  })
  .strict();

export const supportBody = z
  .object({
    givenOn: dateSchema,
    kind: z.enum(SUPPORT_KINDS, { error: 'field.invalid_value' }),
    /** Required (positive) for money; for goods and services an estimated value, or 0. */
    amountFen: z
      .number({ error: 'pairing.amount_fen' })
      .int('pairing.amount_fen')
      .min(0, 'pairing.amount_fen')
      .max(100_000_000_000, 'pairing.amount_fen')
      .default(0),
    description: text(1000, 'pairing.description_required'),
  })
  .strict();

export const outcomeBody = z
  .object({ achievedOn: dateSchema, description: text(1000, 'pairing.description_required') })
  .strict();

export const endPairingBody = z
  .object({
    reason: z.enum(PAIRING_END_REASONS, { error: 'field.invalid_value' }),
    note: auditReasonSchema,
    endedOn: dateSchema,
  })
  .strict();

export const pairingSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  helperKind: z.enum(PAIRING_HELPER_KINDS),
  helperId: z.string(),
  helperName: z.string(),
  targetKind: z.enum(PAIRING_TARGET_KINDS),
  targetId: z.string(),
  targetName: z.string(),
  status: z.enum(PAIRING_STATUSES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(PAIRING_END_REASONS).nullable(),
  nextContactOn: z.string().nullable(),
  createdAt: z.string(),
});
export type PairingSummary = z.infer<typeof pairingSummarySchema>;
export const pairingPageSchema = z.object({
  items: z.array(pairingSummarySchema),
  nextCursor: z.string().nullable(),
});

const entry = {
  id: z.string(),
  onDay: z.string(),
  description: z.string(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
};
export const pairingContactSchema = z.object({ ...entry, method: z.enum(CONTACT_METHODS) });
export const pairingSupportSchema = z.object({
  ...entry,
  kind: z.enum(SUPPORT_KINDS),
  amountFen: z.number().int(),
});
export const pairingOutcomeSchema = z.object(entry);

export const pairingDetailSchema = pairingSummarySchema.extend({
  goals: z.string(),
  plan: z.string(),
  endNote: z.string().nullable(),
  supportFen: z.number().int(),
  contacts: z.array(pairingContactSchema),
  supports: z.array(pairingSupportSchema),
  outcomes: z.array(pairingOutcomeSchema),
});
export type PairingDetail = z.infer<typeof pairingDetailSchema>;

export const pairingListQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  status: optionalParam(z.enum(PAIRING_STATUSES, { error: 'field.invalid_value' })),
  targetKind: optionalParam(z.enum(PAIRING_TARGET_KINDS, { error: 'field.invalid_value' })),
  region: optionalParam(regionCodeSchema),
});

export const regionQuery = z.object({ region: optionalParam(regionCodeSchema) });

/** One row of the coverage table: tagged households with an active pairing ÷ all of them. */
export const coverageRowSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  kind: z.string(),
  households: z.number().int(),
  covered: z.number().int(),
  /** covered ÷ households in per mille (0–1000); null without such households. */
  perMille: z.number().int().nullable(),
});
export const pairingCoverageSchema = z.object({
  region: coverageRowSchema,
  children: z.array(coverageRowSchema),
});
export type PairingCoverage = z.infer<typeof pairingCoverageSchema>;

export const uncoveredQuery = z.object({
  cursor: cursorParam,
  limit: limitSchema,
  region: optionalParam(regionCodeSchema),
});
export const uncoveredHouseholdSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  /** The household's place in the region tree (its building or grid): what 住址 shows without a typed address. */
  placeName: z.string(),
  address: z.string(),
  headName: z.string(),
  tags: z.array(z.string()),
});
export const uncoveredPageSchema = z.object({
  items: z.array(uncoveredHouseholdSchema),
  nextCursor: z.string().nullable(),
});

export const pairingTotalsSchema = z.object({
  regionCode: z.string().nullable(),
  activePairings: z.number().int(),
  enterprises: z.number().int(),
  regions: z.number().int(),
  households: z.number().int(),
  supportFen: z.number().int(),
});
