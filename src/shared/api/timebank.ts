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

/** What moved minutes: the kind of a transfer, shown in words by TRANSFER_KIND_LABELS. */
export const TRANSFER_KINDS = [
  'transfer',
  'grant',
  'credit',
  'donation',
  'escrow',
  'release',
  'refund',
  'redemption',
  'reversal',
] as const;
export type TransferKindName = (typeof TRANSFER_KINDS)[number];

/** A ledger row's kind in words, for statements and every ledger the web shows. */
export const TRANSFER_KIND_LABELS: Readonly<Record<TransferKindName, { zh: string; en: string }>> = {
  transfer: { zh: '转账', en: 'Transfer' },
  grant: { zh: '入行赠送', en: 'Starter grant' },
  credit: { zh: '志愿服务时长', en: 'Volunteer hours' },
  donation: { zh: '爱心传递', en: 'Donation' },
  escrow: { zh: '互助托管', en: 'Held for help' },
  release: { zh: '互助结算', en: 'Help paid' },
  refund: { zh: '退回', en: 'Refund' },
  redemption: { zh: '爱心超市兑换', en: 'Love-supermarket order' },
  reversal: { zh: '冲正', en: 'Reversal' },
};

export const ledgerRowSchema = z.object({
  id: z.string(),
  transferId: z.string(),
  minutes: z.number().int(),
  kind: z.enum(TRANSFER_KINDS),
  memo: z.string(),
  counterpartAccountId: z.string(),
  /** The other side's name; a person's or household's masked where the viewer may not see it. */
  counterpartName: z.string(),
  counterpartKind: z.enum(OWNER_KINDS),
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

// ---- Statements, rankings, one's own account ----

/** Years 2000–2999: the time bank has no month before, and a database no instant of year 0. */
const MONTH = /^2\d{3}-(0[1-9]|1[0-2])$/;
/** A Beijing calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(MONTH, 'timebank.month_format');

/** `/…/statements/:month.xlsx|.pdf` of an account in scope. */
export const statementParams = z.object({ id: z.string().uuid(), month: monthSchema });
/** `/…/me/…/statements/:month.xlsx|.pdf` of one's own account. */
export const ownStatementParams = z.object({ month: monthSchema });
export const STATEMENT_FORMATS = ['xlsx', 'pdf'] as const;

export const RANKING_ORDERS = ['hours', 'minutes'] as const;
/** Months a ranking may span: three years, as the cockpit's trends. */
export const MAX_RANKING_MONTHS = 36;
const bothMonths = (q: { from: string; to: string }) => MONTH.test(q.from) && MONTH.test(q.to);
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Volunteers of a region ranked over the months `from`…`to` (Beijing months, both included). */
export const rankingQuery = z
  .object({
    region: z.string().regex(/^\d{6,17}$/, 'field.region_code'),
    from: monthSchema,
    to: monthSchema,
    by: z.preprocess((v) => (v === '' ? undefined : v), z.enum(RANKING_ORDERS).default('hours')),
    limit: z.coerce
      .number({ error: 'timebank.ranking_limit' })
      .int('timebank.ranking_limit')
      .min(1, 'timebank.ranking_limit')
      .max(100, 'timebank.ranking_limit')
      .default(20),
  })
  // The period's checks speak only of two real months: a malformed one has its own message.
  .refine((q) => !bothMonths(q) || q.to >= q.from, { path: ['to'], message: 'timebank.period_order' })
  .refine(
    (q) => !bothMonths(q) || q.to < q.from || monthIndex(q.to) - monthIndex(q.from) < MAX_RANKING_MONTHS,
    {
      path: ['from'],
      message: 'timebank.period_too_long',
    },
  );

export const rankingEntrySchema = z.object({
  rank: z.number().int(),
  accountId: z.string(),
  /** In full where the viewer may see the register's personal data there, else masked (王**). */
  name: z.string(),
  masked: z.boolean(),
  regionCode: z.string(),
  /** Confirmed volunteer hours credited in the period, in minutes. */
  serviceMinutes: z.number().int(),
  /** Everything earned by helping: volunteer hours and the board's help paid out. */
  earnedMinutes: z.number().int(),
});
export type RankingEntry = z.infer<typeof rankingEntrySchema>;
export const rankingSchema = z.object({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.enum(RANKING_ORDERS),
  items: z.array(rankingEntrySchema),
});
export type Ranking = z.infer<typeof rankingSchema>;

/** A member's own account (none until minutes first reach them), with its latest rows. */
export const myTimebankSchema = z.object({
  account: accountSchema.nullable(),
  ledger: z.array(ledgerRowSchema),
});
export type MyTimebank = z.infer<typeof myTimebankSchema>;
