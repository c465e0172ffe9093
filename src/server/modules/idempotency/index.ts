/**
 * What other code may use of this module (idempotency keys: a request resent by a phone on a weak
 * network takes effect once, and answers the first result).
 * Anything not exported here is internal to it (src/server/testing/module-boundary.ts).
 */
export {
  type ClaimKey,
  IDEMPOTENCY_KEY_DAYS,
  type IdempotentRequest,
  idempotentRequest,
  onlyOnce,
  purgeExpiredIdempotencyKeys,
} from './idempotent-requests.js';
