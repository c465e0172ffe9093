import { z } from 'zod';

/**
 * The time bank's request and response shapes (爱心银行), shared by the server's routes and the web
 * app (which derives its types with z.infer). Minutes are whole numbers throughout. Messages are
 * message codes: the server localizes them, the web shows the server's text.
 */

export const OWNER_KINDS = ['person', 'household', 'organization', 'fund', 'escrow', 'issuance'] as const;
export const OPENABLE_KINDS = ['person', 'household', 'organization'] as const;
export const LIMIT_KINDS = ['person', 'household', 'organization', 'fund'] as const;
export const POST_CATEGORIES = ['companionship', 'errands', 'repair', 'health', 'tutoring', 'other'] as const;
export const MAX_MINUTES = 1_000_000;

const uuid = z.string().uuid('field.invalid');

/** A positive whole number of minutes; every other value names the field with one message. */
export const minutesSchema = z
  .number({ error: 'timebank.minutes_positive' })
  .int('timebank.minutes_positive')
  .min(1, 'timebank.minutes_positive')
  .max(MAX_MINUTES, 'timebank.minutes_too_many');

const memoSchema = z.string().trim().max(200).optional();

export const accountSchema = z.object({
  id: z.string(),
  ownerKind: z.enum(OWNER_KINDS),
  ownerName: z.string(),
  regionCode: z.string(),
  balanceMinutes: z.number().int(),
  floorMinutes: z.number().int(),
  ceilingMinutes: z.number().int(),
});
export type AccountDto = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({
  items: z.array(accountSchema),
  nextCursor: z.string().nullable(),
});

export const ledgerRowSchema = z.object({
  id: z.string(),
  transferId: z.string(),
  minutes: z.number().int(),
  kind: z.string(),
  memo: z.string(),
  counterpartAccountId: z.string(),
  reversesId: z.string().nullable(),
  at: z.string(),
});
export type LedgerRowDto = z.infer<typeof ledgerRowSchema>;

export const accountDetailSchema = accountSchema.extend({ ledger: z.array(ledgerRowSchema) });
export type AccountDetailDto = z.infer<typeof accountDetailSchema>;

export const openAccountBody = z.object({ ownerKind: z.enum(OPENABLE_KINDS), ownerId: uuid });

export const transferBody = z.object({ from: uuid, to: uuid, minutes: minutesSchema, memo: memoSchema });
export type TransferBody = z.infer<typeof transferBody>;

/** 爱心传递: to a person's account, or without `to` to the giver's community fund. */
export const donationBody = z.object({
  from: uuid,
  to: uuid.optional(),
  minutes: minutesSchema,
  memo: memoSchema,
});

export const createdSchema = z.object({ id: z.string() });

export const limitsSchema = z.object({
  ownerKind: z.enum(OWNER_KINDS),
  floorMinutes: z.number().int(),
  ceilingMinutes: z.number().int(),
  starterGrantMinutes: z.number().int(),
});
export const limitChangeSchema = limitsSchema.extend({
  id: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export const limitsResponseSchema = z.object({
  districtCode: z.string(),
  limits: z.array(limitsSchema),
  changes: z.array(limitChangeSchema),
});

const boundSchema = z
  .number({ error: 'timebank.bound_integer' })
  .int('timebank.bound_integer')
  .min(-MAX_MINUTES * 10, 'timebank.bound_integer')
  .max(MAX_MINUTES * 10, 'timebank.bound_integer');

export const limitsBody = z
  .object({
    ownerKind: z.enum(LIMIT_KINDS),
    floorMinutes: boundSchema,
    ceilingMinutes: boundSchema,
    starterGrantMinutes: z
      .number({ error: 'timebank.bound_integer' })
      .int('timebank.bound_integer')
      .min(0, 'timebank.bound_integer')
      .max(6000, 'timebank.starter_too_big'),
  })
  .refine((body) => body.ceilingMinutes > body.floorMinutes, {
    path: ['ceilingMinutes'],
    message: 'timebank.ceiling_below_floor',
  });

// ---- Board: offers and requests ----

export const postBody = z.object({
  kind: z.enum(['offer', 'request']),
  category: z.enum(POST_CATEGORIES),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional(),
  minutes: minutesSchema,
  /** The poster's account: the helper of an offer, the one helped of a request. */
  accountId: uuid,
  expiresAt: z.iso.datetime({ offset: true, error: 'field.invalid_format' }),
});

/** The other side: the one who takes up an offer (and pays) or who helps with a request. */
export const acceptBody = z.object({
  accountId: uuid,
  /** Pay from the community fund: only for help to residents tagged 独居老人 or 低保户. */
  payFromFund: z.boolean().optional(),
});

export const postSchema = z.object({
  id: z.string(),
  kind: z.enum(['offer', 'request']),
  category: z.enum(POST_CATEGORIES),
  title: z.string(),
  description: z.string(),
  minutes: z.number().int(),
  regionCode: z.string(),
  posterAccountId: z.string(),
  helperAccountId: z.string().nullable(),
  payerAccountId: z.string().nullable(),
  status: z.enum(['open', 'accepted', 'confirmed', 'cancelled', 'expired']),
  expiresAt: z.string(),
});
export type PostDto = z.infer<typeof postSchema>;
export const postListSchema = z.object({ items: z.array(postSchema), nextCursor: z.string().nullable() });

// ---- Love supermarket ----

export const itemBody = z.object({
  regionCode: z.string().regex(/^\d{6,17}$/, 'field.region_code'),
  name: z.string().trim().min(1).max(100),
  priceMinutes: minutesSchema,
  stock: z
    .number({ error: 'timebank.stock_integer' })
    .int('timebank.stock_integer')
    .min(0, 'timebank.stock_integer')
    .max(100_000, 'timebank.stock_integer'),
});
export const itemSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  priceMinutes: z.number().int(),
  stock: z.number().int(),
});
export type ItemDto = z.infer<typeof itemSchema>;
export const itemListSchema = z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() });

export const orderBody = z.object({
  accountId: uuid,
  quantity: z
    .number({ error: 'timebank.quantity' })
    .int('timebank.quantity')
    .min(1, 'timebank.quantity')
    .max(20, 'timebank.quantity'),
});
/** The code is shown once, to whoever placed the order; the database keeps only its keyed hash. */
export const orderSchema = z.object({
  id: z.string(),
  code: z.string(),
  minutes: z.number().int(),
  expiresAt: z.string(),
});

export const redeemBody = z.object({ code: z.string().regex(/^\d{6}$/, 'timebank.code_format') });
export const redemptionSchema = z.object({
  orderId: z.string(),
  itemName: z.string(),
  quantity: z.number().int(),
  minutes: z.number().int(),
});
