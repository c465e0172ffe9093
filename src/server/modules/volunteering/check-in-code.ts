import type { FieldCrypto } from '../../crypto/field-crypto.js';

/**
 * The rotating check-in code a leader's phone shows: six digits from an HMAC (the data key's
 * index key, via FieldCrypto.blindIndex) of the activity and a 15-second time step. A code is
 * accepted during its own step and the three after it, so it works for at most one minute after
 * it first appeared (and at least 45 seconds): a screenshot passed on later is useless, and a
 * volunteer who reads it at the end of a step still has time to type it.
 */
export const STEP_MS = 15_000;
const STEPS_ACCEPTED = 4;

const stepOf = (at: Date) => Math.floor(at.getTime() / STEP_MS);

function codeFor(crypto: FieldCrypto, activityId: string, step: number): string {
  const mac = crypto.blindIndex('volunteer.check_in', `${activityId}:${step}`);
  return (Number.parseInt(mac.slice(0, 12), 16) % 1_000_000).toString().padStart(6, '0');
}

export function currentCode(
  crypto: FieldCrypto,
  activityId: string,
  now: Date,
): { code: string; validUntil: string; refreshAt: string } {
  const step = stepOf(now);
  return {
    code: codeFor(crypto, activityId, step),
    validUntil: new Date((step + STEPS_ACCEPTED) * STEP_MS).toISOString(),
    refreshAt: new Date((step + 1) * STEP_MS).toISOString(),
  };
}

export function codeIsValid(crypto: FieldCrypto, activityId: string, code: string, now: Date): boolean {
  const step = stepOf(now);
  for (let back = 0; back < STEPS_ACCEPTED; back += 1) {
    if (codeFor(crypto, activityId, step - back) === code) return true;
  }
  return false;
}
