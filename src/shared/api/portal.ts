import { z } from 'zod';
/** Request and response shapes of the residents' portal (/api/portal). */
import { validateMobilePhone } from '../validators/phone.js';
import { SATISFACTION, WORK_ORDER_STATUSES } from '../work-orders.js';
import { categoryAttributeSchema } from './catalogue.js';
import { cursorParam, idSchema, itemsOf, pageOf, regionCodeSchema } from './common.js';
import { accountSchema, ledgerRowSchema, orderBody, postBody, postSchema } from './timebank.js';

/** A mainland mobile number in any common shape (+86, spaces, full-width), normalized. */
export const mobilePhoneSchema = z
  .string()
  .trim()
  .max(32)
  .transform((raw, context) => {
    const checked = validateMobilePhone(raw);
    if (checked.ok) return checked.value;
    context.addIssue({ code: 'custom', message: 'portal.phone' });
    return z.NEVER;
  });

export const otpBody = z.object({ phone: mobilePhoneSchema }).strict();
export type OtpBody = z.input<typeof otpBody>;

export const loginBody = z
  .object({
    phone: mobilePhoneSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'portal.code_format'),
  })
  .strict();

export const codeSentSchema = z.object({
  /** The same answer for every valid number: nothing tells whether it has an account. */
  sent: z.literal(true),
  resendAfterSeconds: z.number(),
  expiresInSeconds: z.number(),
});
export type CodeSent = z.infer<typeof codeSentSchema>;

export const meSchema = z.object({
  phone: z.string().describe('masked, e.g. 138****5678'),
  name: z
    .string()
    .nullable()
    .describe('the linked register entry’s name, when the phone matched exactly one'),
  homeRegionCode: z.string().nullable().describe('the linked person’s grid (or coarser), a default place'),
  elderMode: z
    .boolean()
    .nullable()
    .describe('elder mode (长辈模式) as the resident chose it; null: never chosen'),
  suggestElderMode: z
    .boolean()
    .describe('whether to offer elder mode once (the register suggests it); nothing more is told'),
});
export type PortalMe = z.infer<typeof meSchema>;

/** Switches elder mode on or off for the signed-in resident. */
export const elderModeBody = z.object({ on: z.boolean({ error: 'portal.elder_mode_required' }) }).strict();

export const portalCategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  keywords: z.string(),
  groupCode: z.string().nullable(),
  groupName: z.string(),
  groupNameEn: z.string(),
  attributes: z.array(categoryAttributeSchema),
});

export type PortalCategory = z.infer<typeof portalCategorySchema>;
export const portalCategoryListSchema = itemsOf(portalCategorySchema);

export const placeSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
});
export type PortalPlace = z.infer<typeof placeSchema>;
export const placeListSchema = itemsOf(placeSchema);

export const submitBody = z
  .object({
    categoryCode: z.string().trim().min(1).max(40),
    description: z.string().trim().min(5).max(1000),
    regionCode: regionCodeSchema,
    address: z.string().trim().max(200).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    /**
     * The resident's consent to publish the description on Open311, screened for personal data.
     * Absent or false: no description of theirs is published (see `portal.service.ts`).
     */
    publishDescription: z.boolean().optional(),
  })
  .strict();

export type SubmitRequest = z.input<typeof submitBody>;

export const ratingBody = z
  .object({
    satisfaction: z.enum(SATISFACTION),
    comment: z.string().trim().max(500).optional(),
  })
  .strict();

export type RatingBody = z.input<typeof ratingBody>;

export const photoParams = z.object({ id: idSchema, photoId: idSchema });

export const listQuery = z.object({
  cursor: cursorParam,
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const requestSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(WORK_ORDER_STATUSES),
  categoryCode: z.string(),
  categoryName: z.string(),
  description: z.string(),
  placeName: z.string(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestPageSchema = pageOf(requestSummarySchema);

/** What a resident sees of a step: never a staff name, an internal note or a rejected review. */
export const TIMELINE_KINDS = [
  'submitted',
  'dispatched',
  'signed',
  'extended',
  'resolved',
  'answered',
  'closed',
  'rated',
  'reopened',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  status: z.enum(WORK_ORDER_STATUSES),
  at: z.string(),
  /** The resolution or answer; the resident's own comment on a rating. */
  text: z.string(),
  unitName: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  dueAt: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  categoryCode: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  placePath: z.array(z.string()),
  address: z.string(),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  resolution: z.string(),
  /** What Open311 publishes as the description (null: none), so the resident sees what is public. */
  publicDescription: z.string().nullable(),
  canRate: z.boolean(),
  photos: z.array(z.object({ id: z.string(), mediaType: z.string(), createdAt: z.string() })),
  timeline: z.array(timelineItemSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const photoSchema = z.object({ id: z.string(), mediaType: z.string(), size: z.number() });
export type Photo = z.infer<typeof photoSchema>;

// ---- 爱心银行 in the portal: the resident's own account, their community's board and supermarket ----

/** The resident's own time-bank account, if their phone is linked to the register and they joined. */
export const portalTimebankSchema = z.object({
  /** The phone matched exactly one register entry: the resident may open an account. */
  linked: z.boolean(),
  account: accountSchema
    .pick({ id: true, ownerName: true, balanceMinutes: true, floorMinutes: true, ceilingMinutes: true })
    .nullable(),
  ledger: z.array(ledgerRowSchema),
});
export type PortalTimebank = z.infer<typeof portalTimebankSchema>;
export const portalAccountSchema = portalTimebankSchema.shape.account.unwrap();

/** A post by the resident: always from their own account (no account may be named). */
export const portalPostBody = postBody.omit({ accountId: true }).strict();
export type PortalPostBody = z.input<typeof portalPostBody>;

/** A board post as a resident sees it: no account ids, the poster's name masked, what they may do. */
export const portalPostSchema = postSchema
  .pick({
    id: true,
    kind: true,
    category: true,
    title: true,
    description: true,
    minutes: true,
    status: true,
    expiresAt: true,
  })
  .extend({
    posterName: z.string(),
    postedByMe: z.boolean(),
    /** The resident's side once the post is taken: they help, or they are helped (and pay). */
    myRole: z.enum(['helper', 'helped']).nullable(),
    canAccept: z.boolean(),
    /** The one helped confirms the help was given: the held minutes go to the helper. */
    canConfirm: z.boolean(),
    /** The poster withdraws an open post; the helper backs out of a taken one (minutes go back). */
    canCancel: z.boolean(),
  });
export type PortalPost = z.infer<typeof portalPostSchema>;
export const portalPostPageSchema = pageOf(portalPostSchema);

export const portalOrderBody = orderBody.omit({ accountId: true }).strict();
export const portalOrderSchema = z.object({
  id: z.string(),
  itemName: z.string(),
  quantity: z.number().int(),
  minutes: z.number().int(),
  /** `expired`: a pending code past its date (its minutes go back at the next sweep). */
  status: z.enum(['pending', 'redeemed', 'refunded', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type PortalOrder = z.infer<typeof portalOrderSchema>;
export const portalOrderPageSchema = pageOf(portalOrderSchema);
