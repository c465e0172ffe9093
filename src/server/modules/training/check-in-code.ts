import type { FieldCrypto } from '../../crypto/field-crypto.js';

/**
 * The rotating check-in code a trainer's phone shows for a session: six digits from an HMAC (the
 * data key's index key) of the session id and a two-minute window. The current window's code and
 * the previous one's are accepted, so a code read at the end of a window still works, while a
 * photo passed on to someone at home is useless after at most four minutes.
 */
export const WINDOW_MS = 120_000;

const windowOf = (at: Date) => Math.floor(at.getTime() / WINDOW_MS);

function codeFor(crypto: FieldCrypto, sessionId: string, window: number): string {
  const mac = crypto.blindIndex('training.check_in', `${sessionId}:${window}`);
  return (Number.parseInt(mac.slice(0, 12), 16) % 1_000_000).toString().padStart(6, '0');
}

export function currentCode(crypto: FieldCrypto, sessionId: string, now: Date) {
  const window = windowOf(now);
  return {
    code: codeFor(crypto, sessionId, window),
    validUntil: new Date((window + 2) * WINDOW_MS).toISOString(),
    refreshAt: new Date((window + 1) * WINDOW_MS).toISOString(),
  };
}

export function codeIsValid(crypto: FieldCrypto, sessionId: string, code: string, now: Date): boolean {
  const window = windowOf(now);
  return codeFor(crypto, sessionId, window) === code || codeFor(crypto, sessionId, window - 1) === code;
}
