import { z } from 'zod';
import { idSchema, itemsOf, limitSchema, optionalParam, regionCodeSchema } from './common.js';

/** Request and response shapes of the member workflows: 双报到, transfers, commitments, commendations. */

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
export type CommunityRegistration = z.infer<typeof registrationSchema>;

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
export type CommunityRegistrationSummary = z.infer<typeof registrationSummarySchema>['items'][number];

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

/** Which side of a transfer the reader looks from. */
export const transferDirectionSchema = z.enum(['outgoing', 'incoming']);
export type TransferDirection = z.infer<typeof transferDirectionSchema>;

export const transferQuery = z.object({
  direction: optionalParam(transferDirectionSchema),
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
export type Transfer = z.infer<typeof transferSchema>;

export const transferDetailSchema = transferSchema
  .extend({
    /** Which side(s) of the transfer the caller acts for. */
    side: z.enum(['sending', 'receiving', 'both']),
    events: z.array(z.object({ action: z.string(), note: z.string(), at: z.string() })),
  })
  .meta({ id: 'TransferDetail' });
export type TransferDetail = z.infer<typeof transferDetailSchema>;

// ---- 承诺践诺: commitments ----

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

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
export type Commitment = z.infer<typeof commitmentSchema>;

export const commitmentDetailSchema = commitmentSchema
  .extend({
    updates: z.array(z.object({ progress: z.number().int(), note: z.string(), at: z.string() })),
  })
  .meta({ id: 'CommitmentDetail' });
export type CommitmentDetail = z.infer<typeof commitmentDetailSchema>;

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
export type Commendation = z.infer<typeof commendationSchema>;

export const registrationListSchema = itemsOf(registrationSchema);
export const transferListSchema = itemsOf(transferSchema);
export const expiredTransfersSchema = z.object({ expired: z.array(z.string()) });
export const commitmentListSchema = itemsOf(commitmentSchema);
export const commendationListSchema = itemsOf(commendationSchema);
