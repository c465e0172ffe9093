import { z } from 'zod';

/** Shapes shared by many routes: error bodies, region codes, pagination. */
export const errorBodySchema = z
  .object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

export const regionCodeSchema = z.string().regex(/^\d{6,17}$/, 'field.region_code');
export const idSchema = z.string().uuid();
/** `/…/:id` of any record. */
export const idParams = z.object({ id: idSchema });

/** Characters that print nothing (zero-width spaces, joiners, direction marks, controls). */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/**
 * Why someone looked at or took out personal data: the audit log keeps it, so it must say
 * something. Invisible characters are dropped and spaces folded first; what is left needs two
 * letters or digits (a Chinese character is a letter), so `..`, `  ` or a zero-width space is
 * refused with `audit.reason_meaningless`.
 */
export const isMeaningfulText = (value: string | undefined): boolean =>
  ((value ?? '').match(/[\p{L}\p{N}]/gu) ?? []).length >= 2;

export const auditReasonSchema = z
  .string()
  .transform((value) => value.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim())
  .pipe(z.string().max(200).refine(isMeaningfulText, 'audit.reason_meaningless'));

/** The query parameter every paging list accepts (an empty parameter is no cursor); src/server/http/pagination.ts reads it. */
export const cursorParam = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().max(200).optional(),
);

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

/** Query strings arrive as text; an empty parameter means the same as an absent one. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Query strings arrive as text; an empty parameter means the same as an absent one. */
export const optionalText = (max = 100) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(max).optional());

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** A list answered whole: `{ items }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** One page of a list (src/server/http/pagination.ts): `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A 204 answer: no body. The web client answers `undefined` for it. */
export const noContent = z.undefined();

/**
 * `Idempotency-Key`: a UUID the client makes when the user types a change (a resolution, a note, a
 * photo), sent again with every retry of it. The same key from the same user answers the first
 * result and writes nothing; the same key with other content is refused (422
 * `idempotency.key_reused`). Optional: without it a request is just done.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyHeaders = z.object({
  [IDEMPOTENCY_KEY_HEADER]: z.uuid({ error: 'idempotency.key_format' }).optional(),
});

/** The error answers of a route that takes an idempotency key (422: the key was used for another request). */
export const idempotentErrorResponses = { ...errorResponses, 422: errorBodySchema };
