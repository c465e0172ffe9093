import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { maskPhone } from '../../../shared/validators/phone.js';
import type { Executor } from '../../db/database.js';
import type { ResidentAuthenticator, SignedInResident } from '../../http/access-control.js';
import { DomainError, unauthenticated } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { touchIntervalMs } from '../auth/index.js';
import { enqueueNotification } from '../notifications/index.js';
import { portalRepository } from './portal.repository.js';

/** A sign-in code is good for five minutes (the SMS says so). */
export const CODE_TTL_MINUTES = 5;
/** One code a minute per phone, at most five an hour. */
export const RESEND_SECONDS = 60;
export const CODES_PER_HOUR = 5;
/** Wrong guesses a code survives; the fifth kills it. */
export const MAX_CODE_ATTEMPTS = 5;

const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

type LoginOutcome =
  | {
      ok: false;
      failure: 'portal.code_invalid' | 'portal.code_expired' | 'portal.code_wrong' | 'portal.code_exhausted';
      left?: number;
    }
  | { ok: true; token: string; resident: SignedInResident };

export interface CodeRequest {
  resendAfterSeconds: number;
  expiresInSeconds: number;
}

/**
 * Residents sign in with their mobile number and a six-digit code sent by SMS (through the
 * outbox). Any valid number gets a code — known or not — so the answer says nothing about who
 * has an account; the account is created at the first sign-in. Only a keyed hash of a code is
 * stored, and the code reaches the outbox encrypted (the `otp` template's params are secret).
 */
export class ResidentAuthService implements ResidentAuthenticator {
  constructor(private readonly ctx: ServiceContext) {}

  private phoneIndex(phone: string): string {
    return this.ctx.crypto.blindIndex('person.phone', phone);
  }

  private codeHash(phoneIndex: string, code: string): string {
    return this.ctx.crypto.blindIndex('otp.code', `${phoneIndex}:${code}`);
  }

  /** `phone` is a validated, normalized mainland mobile number. */
  async requestCode(phone: string, actor: AuditActor): Promise<CodeRequest> {
    const { db, dialect } = this.ctx.database;
    const now = this.ctx.now();
    const index = this.phoneIndex(phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await db.transaction().execute(async (trx) => {
      await portalRepository.lockPhone(trx, dialect, index);
      const hourAgo = new Date(now.getTime() - 60 * 60_000);
      const recent = await portalRepository.codesSince(trx, index, hourAgo.toISOString());
      const last = recent[0];
      if (last) {
        const waitMs = Date.parse(last) + RESEND_SECONDS * 1000 - now.getTime();
        if (waitMs > 0)
          throw new DomainError('portal.code_too_soon', 429, { seconds: Math.ceil(waitMs / 1000) });
      }
      if (recent.length >= CODES_PER_HOUR) {
        const oldest = recent[recent.length - 1]!;
        const minutes = Math.ceil((Date.parse(oldest) + 60 * 60_000 - now.getTime()) / 60_000);
        throw new DomainError('portal.code_hourly_limit', 429, { minutes: Math.max(minutes, 1) });
      }
      await portalRepository.deleteCodesBefore(trx, hourAgo.toISOString());
      await portalRepository.insertCode(trx, {
        id: uuidv7(),
        phone_bidx: index,
        code_hash: this.codeHash(index, code),
        attempts: 0,
        expires_at: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000).toISOString(),
        used_at: null,
        created_at: now.toISOString(),
      });
      await enqueueNotification(this.ctx, trx, {
        districtCode: this.ctx.config.districtCode,
        recipient: { phone },
        template: 'otp',
        params: { code },
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'portal.code_requested',
        targetType: 'resident_phone',
        regionCode: this.ctx.config.districtCode,
        summary: { phone: maskPhone(phone) },
      });
    });
    return { resendAfterSeconds: RESEND_SECONDS, expiresInSeconds: CODE_TTL_MINUTES * 60 };
  }

  /**
   * Checks the code against the newest one sent to the phone. A wrong code counts an attempt
   * (written even though the sign-in fails); a used, expired or exhausted code is refused.
   * Success creates the account on first sign-in and a new session.
   */
  async login(
    phone: string,
    code: string,
    actor: AuditActor,
  ): Promise<{ token: string; resident: SignedInResident }> {
    const { db, dialect } = this.ctx.database;
    const index = this.phoneIndex(phone);
    const masked = maskPhone(phone);
    const outcome = await db.transaction().execute(async (trx): Promise<LoginOutcome> => {
      await portalRepository.lockPhone(trx, dialect, index);
      const now = this.ctx.now();
      const nowIso = now.toISOString();
      const row = await portalRepository.newestCode(trx, index);
      if (!row || row.used_at !== null || row.attempts >= MAX_CODE_ATTEMPTS)
        return { ok: false, failure: 'portal.code_invalid' };
      if (row.expires_at <= nowIso) return { ok: false, failure: 'portal.code_expired' };
      const expected = Buffer.from(row.code_hash);
      const given = Buffer.from(this.codeHash(index, code));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        await portalRepository.countAttempt(trx, row.id);
        const left = MAX_CODE_ATTEMPTS - row.attempts - 1;
        await this.ctx.audit.append(trx, actor, {
          action: 'portal.login_failed',
          targetType: 'resident_phone',
          regionCode: this.ctx.config.districtCode,
          summary: { phone: masked, attemptsLeft: left },
        });
        return left > 0
          ? { ok: false, failure: 'portal.code_wrong', left }
          : { ok: false, failure: 'portal.code_exhausted' };
      }
      if (!(await portalRepository.spendCode(trx, row.id, nowIso)))
        return { ok: false, failure: 'portal.code_invalid' };

      let account = await portalRepository.accountByPhone(trx, index);
      const created = !account;
      if (!account) {
        account = {
          id: uuidv7(),
          district_code: this.ctx.config.districtCode,
          phone_enc: this.ctx.crypto.encrypt('person.phone', phone),
          phone_bidx: index,
          person_id: null,
          created_at: nowIso,
          last_login_at: nowIso,
          elder_mode: null,
        };
        await portalRepository.insertAccount(trx, account);
      }
      const personId = account.person_id ?? (await this.linkablePerson(trx, index));
      await portalRepository.updateAccount(trx, account.id, { last_login_at: nowIso, person_id: personId });
      const token = randomBytes(32).toString('base64url');
      const sessionId = sessionIdOf(token);
      await portalRepository.insertSession(trx, sessionId, account.id, nowIso);
      await this.ctx.audit.append(
        trx,
        { ...actor, id: account.id, name: `resident:${masked}` },
        {
          action: 'portal.login',
          targetType: 'resident',
          targetId: account.id,
          regionCode: account.district_code,
          summary: { phone: masked, newAccount: created, linkedToRegister: personId !== null },
        },
      );
      const resident: SignedInResident = {
        id: account.id,
        districtCode: account.district_code,
        sessionId,
        maskedPhone: masked,
        phoneIndex: account.phone_bidx,
        personId,
      };
      return { ok: true, token, resident };
    });
    if (!outcome.ok) throw new DomainError(outcome.failure, 401, outcome.left ? { left: outcome.left } : {});
    return outcome;
  }

  /** The register's person with this phone, when exactly one active person of the district has it. */
  private async linkablePerson(trx: Executor, phoneIndex: string): Promise<string | null> {
    const persons = await portalRepository.personsWithPhone(trx, this.ctx.config.districtCode, phoneIndex);
    return persons.length === 1 ? persons[0]!.id : null;
  }

  async authenticate(token: string): Promise<SignedInResident> {
    const { db } = this.ctx.database;
    const sessionId = sessionIdOf(token);
    const session = await portalRepository.session(db, sessionId);
    if (!session) throw unauthenticated('auth.required');
    const now = this.ctx.now();
    // The same rules as staff sessions (auth.service.ts): an idle timeout and an absolute lifetime.
    const { sessionIdleMinutes, sessionMaxHours } = this.ctx.config;
    const idleMs = now.getTime() - Date.parse(session.last_seen_at);
    const ageMs = now.getTime() - Date.parse(session.created_at);
    if (idleMs > sessionIdleMinutes * 60_000 || ageMs > sessionMaxHours * 3_600_000) {
      await portalRepository.deleteSession(db, sessionId);
      throw unauthenticated('auth.session_expired');
    }
    const account = await portalRepository.account(db, session.resident_id);
    if (!account) throw unauthenticated('auth.required');
    if (idleMs > touchIntervalMs(sessionIdleMinutes))
      await portalRepository.touchSession(db, sessionId, now.toISOString());
    return {
      id: account.id,
      districtCode: account.district_code,
      sessionId,
      maskedPhone: maskPhone(this.ctx.crypto.decrypt('person.phone', account.phone_enc)),
      phoneIndex: account.phone_bidx,
      personId: account.person_id,
    };
  }

  async logout(resident: SignedInResident, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await portalRepository.deleteSession(trx, resident.sessionId);
      await this.ctx.audit.append(trx, actor, {
        action: 'portal.logout',
        targetType: 'resident',
        targetId: resident.id,
        regionCode: resident.districtCode,
      });
    });
  }
}
