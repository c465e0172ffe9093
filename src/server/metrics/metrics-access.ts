import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Headers by which a proxy says whom it forwards for: such a request is not from this machine. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether the caller may read /metrics: with a token configured, only a request bearing it
 * (compared in constant time); without one, only a client on this machine. The client's address
 * is the socket's, never `request.ip`: behind a proxy on the same machine (LIANXIN_TRUST_PROXY)
 * every remote client arrives from loopback, so a request carrying a forwarding header is not
 * local whatever its socket says.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token !== undefined) {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
    return sameSecret(header.slice('Bearer '.length), token);
  }
  const address = request.raw.socket?.remoteAddress;
  if (!address || !LOOPBACK.has(address)) return false;
  return FORWARDING_HEADERS.every((name) => request.headers[name] === undefined);
}

/** Hashing first gives equal lengths, so timingSafeEqual reveals neither content nor length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}
