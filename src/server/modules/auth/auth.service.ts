import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { checkPasswordPolicy } from '../../../shared/password-policy.js';
import type { RoleAssignment, User } from '../../db/tables.js';
import { DomainError, fieldError, unauthenticated } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { usersRepository } from '../users/index.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hashing.js';
import { sessionsRepository } from './sessions.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** How long a login waits for the verdict on the attempt that set a lock (one password check). */
const LOCK_VERDICT_WAIT_MS = 3_000;
const LOCK_VERDICT_POLL_MS = 20;
/**
 * Writing last_seen_at on every request would turn every read into a write: it is written at most
 * once a minute, and more often under a short idle timeout, which a session touched only once a
 * minute would outrun however active it is.
 */
export const touchIntervalMs = (idleMinutes: number): number => Math.min(60_000, (idleMinutes * 60_000) / 4);

/** The session cookie carries the token; the database keeps only its hash. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');
/** 256 random bits, URL-safe. */
const newSessionToken = (): string => randomBytes(32).toString('base64url');

export interface Authenticated {
  user: User;
  sessionId: string;
}

export class AuthService {
  constructor(private readonly ctx: ServiceContext) {}

  async login(username: string, password: string, actor: AuditActor): Promise<{ token: string; user: User }> {
    const { db } = this.ctx.database;
    const now = this.ctx.now();
    const name = username.trim().toLowerCase();
    // A name the database could not store (too long once lower-cased, a NUL) is no account's: it
    // is throttled under a digest, like any unknown name, rather than failing the query.
    const storable = name.length <= 64 && !name.includes('\u0000');
    const key = storable ? name : `#${createHash('sha256').update(name).digest('hex')}`.slice(0, 64);
    const attempt = await this.reserveAttempt(key, now);
    const user = storable ? await usersRepository.findByUsername(db, key) : undefined;
    const passwordOk = user
      ? await verifyPassword(user.password_hash, password)
      : await verifyPassword(await dummyPasswordHash(), `${password}\u0000`).then(() => false);

    if (!user || !passwordOk || user.status !== 'active') {
      const locked = attempt >= MAX_FAILED_LOGINS;
      await db.transaction().execute(async (trx) => {
        if (locked) await sessionsRepository.confirmLock(trx, key, MAX_FAILED_LOGINS);
        await this.ctx.audit.append(trx, actor, {
          action: locked ? 'auth.locked' : 'auth.login_failed',
          targetType: 'user',
          ...(user ? { targetId: user.id } : {}),
          regionCode: user?.region_code ?? this.ctx.config.districtCode,
          summary: { knownUser: Boolean(user), failedCount: attempt },
        });
      });
      if (locked) throw new DomainError('auth.locked', 401, { minutes: LOCK_MINUTES });
      throw unauthenticated('auth.invalid_credentials');
    }

    const token = newSessionToken();
    await db.transaction().execute(async (trx) => {
      await sessionsRepository.clearThrottle(trx, key);
      await sessionsRepository.insert(trx, sessionIdOf(token), user.id, now.toISOString());
      await this.ctx.audit.append(
        trx,
        { ...actor, id: user.id, name: user.username },
        {
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          regionCode: user.region_code,
        },
      );
    });
    return { token, user };
  }

  /**
   * Counts the attempt before its password is checked, so that however many arrive at once, in
   * this process or another, at most MAX_FAILED_LOGINS are checked before the lock; it stays
   * counted unless it succeeds. While the attempt that set the lock is still being checked, others
   * wait for its verdict (a right password clears the lock) rather than being refused at once, so
   * that several clients logging in to one account together are not locked out by each other.
   */
  private async reserveAttempt(key: string, now: Date, lockedStatus: 401 | 429 = 401): Promise<number> {
    const { db } = this.ctx.database;
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    const giveUpAt = Date.now() + LOCK_VERDICT_WAIT_MS;
    for (;;) {
      const attempt = await sessionsRepository.reserveAttempt(
        db,
        key,
        now.toISOString(),
        MAX_FAILED_LOGINS,
        lockUntil,
      );
      if (attempt !== undefined) return attempt;
      const throttle = await sessionsRepository.throttleOf(db, key);
      // Still being decided: the count stops at MAX_FAILED_LOGINS until the lock is confirmed.
      const pending = throttle?.locked_until && throttle.failed_count === MAX_FAILED_LOGINS;
      if (throttle?.locked_until && (!pending || Date.now() >= giveUpAt)) {
        const remainingMs = new Date(throttle.locked_until).getTime() - now.getTime();
        throw new DomainError('auth.locked', lockedStatus, {
          minutes: Math.max(1, Math.ceil(remainingMs / 60_000)),
        });
      }
      // Cleared by a success meanwhile (try again at once), or waiting for the verdict.
      if (pending) await sleep(LOCK_VERDICT_POLL_MS);
    }
  }

  /**
   * Resolves a cookie token to its user and their role assignments, enforcing the absolute
   * lifetime, the idle timeout and account status.
   */
  async authenticate(token: string): Promise<Authenticated & { assignments: RoleAssignment[] }> {
    const { db } = this.ctx.database;
    const sessionId = sessionIdOf(token);
    const session = await sessionsRepository.findWithUser(db, sessionId);
    if (!session) throw unauthenticated('auth.required');
    const now = this.ctx.now();
    const { sessionIdleMinutes, sessionMaxHours } = this.ctx.config;
    const idleMs = now.getTime() - new Date(session.lastSeenAt).getTime();
    const ageMs = now.getTime() - new Date(session.createdAt).getTime();
    if (idleMs > sessionIdleMinutes * 60_000 || ageMs > sessionMaxHours * 3_600_000) {
      await sessionsRepository.delete(db, sessionId);
      throw unauthenticated('auth.session_expired');
    }
    const { user } = session;
    if (user?.status !== 'active') {
      await sessionsRepository.delete(db, sessionId);
      throw unauthenticated('auth.required');
    }
    if (idleMs > touchIntervalMs(sessionIdleMinutes))
      await sessionsRepository.touch(db, sessionId, now.toISOString());
    return { user, sessionId, assignments: session.assignments };
  }

  async logout(auth: Authenticated, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await sessionsRepository.delete(trx, auth.sessionId);
      await this.ctx.audit.append(trx, actor, {
        action: 'auth.logout',
        targetType: 'user',
        targetId: auth.user.id,
        regionCode: auth.user.region_code,
      });
    });
  }

  /**
   * Changes the password, ends every session of the user and returns a fresh one for this client.
   * The current password is checked under the account's login lock: a stolen session must not be a
   * way to guess the password without limit. Wrong guesses count with wrong logins, the fifth locks
   * the account for LOCK_MINUTES (login and change alike), and the lock is answered with 429, not
   * 401, because this session itself stays valid.
   */
  async changePassword(
    auth: Authenticated,
    currentPassword: string,
    newPassword: string,
    actor: AuditActor,
  ): Promise<{ token: string }> {
    const key = auth.user.username.toLowerCase();
    const attempt = await this.reserveAttempt(key, this.ctx.now(), 429);
    if (!(await verifyPassword(auth.user.password_hash, currentPassword))) {
      const locked = attempt >= MAX_FAILED_LOGINS;
      await this.ctx.database.db.transaction().execute(async (trx) => {
        if (locked) await sessionsRepository.confirmLock(trx, key, MAX_FAILED_LOGINS);
        await this.ctx.audit.append(trx, actor, {
          action: locked ? 'auth.locked' : 'auth.password_check_failed',
          targetType: 'user',
          targetId: auth.user.id,
          regionCode: auth.user.region_code,
          summary: { failedCount: attempt },
        });
      });
      if (locked) throw new DomainError('auth.locked', 429, { minutes: LOCK_MINUTES });
      throw fieldError('currentPassword', 'auth.wrong_password');
    }
    await sessionsRepository.clearThrottle(this.ctx.database.db, key);
    const problem = checkPasswordPolicy(newPassword, { username: auth.user.username });
    if (problem) throw fieldError('newPassword', `password.${problem}`);
    if (currentPassword === newPassword) throw fieldError('newPassword', 'password.same_as_old');
    const passwordHash = await hashPassword(newPassword);
    const token = newSessionToken();
    const now = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await usersRepository.update(trx, auth.user.id, {
        password_hash: passwordHash,
        password_changed_at: now,
        // The owner chose this one: a change owed since an administrator set the password is paid.
        password_change_required: 0,
        updated_at: now,
      });
      const ended = await sessionsRepository.deleteAllOfUser(trx, auth.user.id);
      await sessionsRepository.insert(trx, sessionIdOf(token), auth.user.id, now);
      await this.ctx.audit.append(trx, actor, {
        action: 'user.password_changed',
        targetType: 'user',
        targetId: auth.user.id,
        regionCode: auth.user.region_code,
        summary: { sessionsEnded: ended, wasRequired: auth.user.password_change_required === 1 },
      });
    });
    return { token };
  }
}

export const newUserId = (): string => uuidv7();
