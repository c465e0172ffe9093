import type { ServiceContext } from '../../services.js';
import { portalRepository } from '../portal/index.js';
import { sessionsRepository } from './sessions.repository.js';

/** A failure count nobody has added to for this long is forgotten (unless a lock is in force). */
export const THROTTLE_MEMORY_HOURS = 24;

export interface PurgedSignIns {
  staffSessions: number;
  residentSessions: number;
  throttles: number;
}

/**
 * Deletes what sign-in leaves behind once it can no longer matter: sessions past their idle
 * timeout or lifetime (staff and residents), and login failure counts older than a day with no
 * lock in force — among them the rows of made-up usernames an attacker tried, which would
 * otherwise pile up for ever. Run by the scheduler every hour; each delete stands alone, so
 * several processes running it at once only repeat each other's work.
 */
export async function purgeStaleSignIns(ctx: ServiceContext, now: Date): Promise<PurgedSignIns> {
  const { db } = ctx.database;
  const { sessionIdleMinutes, sessionMaxHours } = ctx.config;
  const idleBefore = new Date(now.getTime() - sessionIdleMinutes * 60_000).toISOString();
  const createdBefore = new Date(now.getTime() - sessionMaxHours * 3_600_000).toISOString();
  const throttleBefore = new Date(now.getTime() - THROTTLE_MEMORY_HOURS * 3_600_000).toISOString();
  return {
    staffSessions: await sessionsRepository.deleteExpired(db, idleBefore, createdBefore),
    residentSessions: await portalRepository.deleteExpiredSessions(db, idleBefore, createdBefore),
    throttles: await sessionsRepository.deleteStaleThrottles(db, throttleBefore, now.toISOString()),
  };
}
