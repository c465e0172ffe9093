import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import { DomainError } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { idempotencyRepository } from './idempotency.repository.js';

/** How long a key answers its first result: a draft older than a week is sent as a new request. */
export const IDEMPOTENCY_KEY_DAYS = 7;

/** Where the key travels and where a refusal names it (as the validation of headers does). */
export const IDEMPOTENCY_KEY_FIELD = 'headers.idempotency-key';

/** One request that must take effect once: whose, which key, and what it asks. */
export interface IdempotentRequest {
  userId: string;
  key: string;
  /** What kind of request ('workorder.action', 'workorder.attachment'): a key names one. */
  operation: string;
  /** SHA-256 of what it asks (target and body): the same key sent with other content is refused. */
  fingerprint: string;
}

/** Writes the key in the transaction of the change, with the id of what the change made. */
export type ClaimKey = (trx: Executor, resultId: string) => Promise<void>;

/** JSON with object keys sorted, so that equal content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request a key stands for; `what` is everything the request asks (target id, body, file hash). */
export function idempotentRequest(
  userId: string,
  key: string,
  operation: string,
  what: unknown,
): IdempotentRequest {
  const fingerprint = createHash('sha256')
    .update(canonical([operation, what]))
    .digest('hex');
  return { userId, key, operation, fingerprint };
}

/**
 * The result id this key already stands for, if it does and has not expired. The same key from
 * the same user for anything else is refused (422, naming the key): answering the first result
 * would tell the caller their second request was done when it was not.
 */
async function earlierResult(ctx: ServiceContext, request: IdempotentRequest): Promise<string | undefined> {
  const row = await idempotencyRepository.find(ctx.database.db, request.userId, request.key);
  if (!row || row.expires_at <= ctx.now().toISOString()) return undefined;
  if (row.operation !== request.operation || row.fingerprint !== request.fingerprint) {
    throw new DomainError('idempotency.key_reused', 422, {}, [
      { path: IDEMPOTENCY_KEY_FIELD, code: 'idempotency.key_reused' },
    ]);
  }
  return row.result_id;
}

/**
 * Runs a change once per key. Without a key the change just runs. With one: a key already used
 * for this request answers `replay(result)` and writes nothing; otherwise `run` does the change
 * and must call `claim` inside its transaction, first, so that the key and the change commit
 * together or not at all. When the change fails, a twin (the same draft sent from another tab,
 * or a retry racing the first send) may have committed meanwhile — its result is this request's
 * answer; the failure (the unique key, or an order already resolved by the twin) is not.
 */
export async function onlyOnce<T>(
  ctx: ServiceContext,
  request: IdempotentRequest | undefined,
  steps: { run: (claim: ClaimKey) => Promise<T>; replay: (resultId: string) => Promise<T> },
): Promise<T> {
  if (!request) return steps.run(async () => undefined);
  const earlier = await earlierResult(ctx, request);
  if (earlier !== undefined) return steps.replay(earlier);
  const claim: ClaimKey = async (trx, resultId) => {
    const now = ctx.now();
    await idempotencyRepository.claim(trx, {
      user_id: request.userId,
      request_key: request.key,
      operation: request.operation,
      fingerprint: request.fingerprint,
      result_id: resultId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_KEY_DAYS * 86_400_000).toISOString(),
    });
  };
  try {
    return await steps.run(claim);
  } catch (error) {
    const twin = await earlierResult(ctx, request);
    if (twin !== undefined) return steps.replay(twin);
    throw error;
  }
}

/**
 * Forgets keys past their week. Run by the scheduler every hour; a delete that stands alone, so
 * several processes running it at once only repeat each other's work.
 */
export function purgeExpiredIdempotencyKeys(ctx: ServiceContext, now: Date): Promise<number> {
  return idempotencyRepository.deleteExpired(ctx.database.db, now.toISOString());
}
