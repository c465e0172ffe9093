import { z } from 'zod';
import { idSchema, limitSchema, regionCodeSchema } from '../../http/common-schemas.js';
import type { CommendationView } from './commendations.repository.js';
import type { CommitmentUpdate, CommitmentView } from './commitments.repository.js';
import type { RegistrationView } from './registrations.repository.js';
import type { TransferEvent, TransferView } from './transfers.repository.js';

/** The eight service areas a community offers members who register there (双报到). */
export const SERVICE_AREAS = [
  '宣传教育',
  '社区环境',
  '治安防范',
  '文体活动',
  '帮扶弱势群体',
  '就业渠道',
  '便民行动',
  '身心健康',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** Calendar dates are Beijing time (UTC+8): "this month" turns over at midnight in China. */
const BEIJING_OFFSET_MS = 8 * 3600_000;
export const beijingMonth = (now: Date): string =>
  new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
export const beijingYear = (now: Date): number =>
  new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCFullYear();

/** Query strings arrive as text; an empty parameter means the same as an absent one. */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const idParams = z.object({ id: idSchema });
const noteSchema = z.string().trim().max(500);
const yearSchema = z.number().int().min(1921).max(2100);

// ---- 双报到: community registration ----

export const registrationStatusSchema = z.enum(['pending', 'confirmed', 'rejected']);

export const registerBody = z.object({
  communityCode: regionCodeSchema,
  serviceAreas: z
    .array(z.enum(SERVICE_AREAS))
    .min(1)
    .max(SERVICE_AREAS.length)
    .refine((areas) => new Set(areas).size === areas.length, {
      message: 'registration.duplicate_service_area',
    }),
  commitment: z.string().trim().min(1).max(500),
});

export const decisionBody = z.object({
  decision: z.enum(['confirm', 'reject']),
  note: noteSchema.optional(),
});

export const registrationQuery = z.object({
  region: optionalParam(regionCodeSchema),
  status: optionalParam(registrationStatusSchema),
  limit: limitSchema,
});

export const summaryQuery = z.object({ region: optionalParam(regionCodeSchema) });

export const registrationSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    organizationName: z.string(),
    communityCode: z.string(),
    communityName: z.string(),
    serviceAreas: z.array(z.string()),
    commitment: z.string(),
    status: registrationStatusSchema,
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CommunityRegistration' });

export const registrationSummarySchema = z
  .object({
    items: z.array(
      z.object({
        communityCode: z.string(),
        communityName: z.string(),
        confirmed: z.number().int(),
        pending: z.number().int(),
        notRegistered: z.array(
          z.object({ memberId: z.string(), name: z.string(), organizationName: z.string() }),
        ),
      }),
    ),
  })
  .meta({ id: 'CommunityRegistrationSummary' });

// ---- 组织关系转接: relationship transfers ----

export const TRANSFER_ACTIONS = ['approve_sending', 'approve_receiving', 'reject', 'receipt'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];
export const transferStatusSchema = z.enum([
  'requested',
  'sender_approved',
  'letter_issued',
  'completed',
  'rejected',
  'expired',
]);

export const createTransferBody = z.object({
  memberId: idSchema,
  toOrganizationId: idSchema,
  duesPaidUntil: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  letterValidDays: z.number().int().min(1).max(90),
  note: noteSchema.optional(),
});

export const transferActionBody = z.object({ action: z.enum(TRANSFER_ACTIONS), note: noteSchema.optional() });

export const transferQuery = z.object({
  direction: optionalParam(z.enum(['outgoing', 'incoming'])),
  status: optionalParam(transferStatusSchema),
  limit: limitSchema,
});

const namedRef = z.object({ id: z.string(), name: z.string() });

export const transferSchema = z
  .object({
    id: z.string(),
    member: namedRef,
    fromOrganization: namedRef,
    toOrganization: namedRef,
    duesPaidUntil: z.string(),
    letterValidDays: z.number().int(),
    status: transferStatusSchema,
    letterExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Transfer' });

export const transferDetailSchema = transferSchema
  .extend({
    /** Which side(s) of the transfer the caller acts for. */
    side: z.enum(['sending', 'receiving', 'both']),
    events: z.array(z.object({ action: z.string(), note: z.string(), at: z.string() })),
  })
  .meta({ id: 'TransferDetail' });

// ---- 承诺践诺: commitments ----

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

export const createCommitmentBody = z.object({
  year: yearSchema,
  content: z.string().trim().min(1).max(500),
});
export const progressBody = z.object({
  progress: z.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(500),
});
export const ratingBody = z.object({ rating: z.enum(SATISFACTION) });
export const commitmentQuery = z.object({
  region: optionalParam(regionCodeSchema),
  year: optionalParam(z.coerce.number().int().min(1921).max(2100)),
  limit: limitSchema,
});

export const commitmentSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    year: z.number().int(),
    content: z.string(),
    progress: z.number().int(),
    ratings: z.object({
      satisfied: z.number().int(),
      basicallySatisfied: z.number().int(),
      unsatisfied: z.number().int(),
      total: z.number().int(),
    }),
    /** (satisfied + basically satisfied) / all ratings; null before the first rating. */
    satisfactionRate: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Commitment' });

export const commitmentDetailSchema = commitmentSchema
  .extend({
    updates: z.array(z.object({ progress: z.number().int(), note: z.string(), at: z.string() })),
  })
  .meta({ id: 'CommitmentDetail' });

// ---- 表彰: commendations ----

export const createCommendationBody = z.object({
  year: yearSchema,
  title: z.string().trim().min(1).max(50),
  subjectType: z.enum(['member', 'organization']),
  subjectId: idSchema,
  note: noteSchema.optional(),
});
export const commendationQuery = z.object({
  region: optionalParam(regionCodeSchema),
  year: optionalParam(z.coerce.number().int().min(1921).max(2100)),
  limit: limitSchema,
});

export const commendationSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    title: z.string(),
    subjectType: z.enum(['member', 'organization']),
    subjectId: z.string(),
    subjectName: z.string(),
    note: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Commendation' });

// ---- DTO mappers ----

export const toRegistrationDto = (r: RegistrationView): z.infer<typeof registrationSchema> => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  organizationName: r.organization_name,
  communityCode: r.region_code,
  communityName: r.community_name,
  serviceAreas: JSON.parse(r.service_areas) as string[],
  commitment: r.commitment,
  status: r.status,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The other side's organization shows only its id and name, never its region. */
export const toTransferDto = (t: TransferView): z.infer<typeof transferSchema> => ({
  id: t.id,
  member: { id: t.member_id, name: t.member_name },
  fromOrganization: { id: t.from_organization_id, name: t.from_organization_name },
  toOrganization: { id: t.to_organization_id, name: t.to_organization_name },
  duesPaidUntil: t.dues_paid_until,
  letterValidDays: t.letter_valid_days,
  status: t.status,
  letterExpiresAt: t.letter_expires_at,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});

export const toTransferEventDto = (e: TransferEvent) => ({ action: e.action, note: e.note, at: e.at });

export function toCommitmentDto(c: CommitmentView): z.infer<typeof commitmentSchema> {
  const total = c.satisfied + c.basically_satisfied + c.unsatisfied;
  return {
    id: c.id,
    memberId: c.member_id,
    memberName: c.member_name,
    year: c.year,
    content: c.content,
    progress: c.progress,
    ratings: {
      satisfied: c.satisfied,
      basicallySatisfied: c.basically_satisfied,
      unsatisfied: c.unsatisfied,
      total,
    },
    satisfactionRate: total === 0 ? null : (c.satisfied + c.basically_satisfied) / total,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export const toCommitmentUpdateDto = (u: CommitmentUpdate) => ({
  progress: u.progress,
  note: u.note,
  at: u.at,
});

export const toCommendationDto = (k: CommendationView): z.infer<typeof commendationSchema> => ({
  id: k.id,
  year: k.year,
  title: k.title,
  subjectType: k.subject_type,
  subjectId: k.subject_id,
  subjectName: k.subject_name,
  note: k.note,
  createdAt: k.created_at,
});
