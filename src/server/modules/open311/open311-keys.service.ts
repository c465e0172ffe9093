import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Scope } from '../../auth/scope.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { type Open311Key, type Open311KeyView, open311KeysRepository } from './open311-keys.repository.js';

/** Every key starts with this, so a leaked one is recognisable in logs and secret scanners. */
export const KEY_MARK = 'lx311_';
/** How much of a key is kept in clear (to tell keys apart in lists): the mark and six characters. */
const PREFIX_LENGTH = KEY_MARK.length + 6;

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Open311 API keys: each belongs to a unit (region), and service requests POSTed with it enter the
 * work-order lifecycle there. Only the SHA-256 of a key is stored; the key itself is shown once.
 */
export class Open311KeysService {
  constructor(private readonly ctx: ServiceContext) {}

  list(scope: Scope): Promise<Open311KeyView[]> {
    return open311KeysRepository.list(this.ctx.database.db, scope);
  }

  async create(
    scope: Scope,
    input: { name: string; regionCode: string },
    actor: AuditActor,
  ): Promise<{ key: string; view: Open311KeyView }> {
    const { db } = this.ctx.database;
    const region = await regionsRepository.findUnscoped(db, input.regionCode);
    if (!region || !scope.includes(region.code)) throw fieldError('regionCode', 'open311.unknown_region');
    const key = `${KEY_MARK}${randomBytes(24).toString('base64url')}`;
    const id = uuidv7();
    const createdAt = this.ctx.now().toISOString();
    const row = {
      id,
      district_code: region.district_code,
      region_code: region.code,
      name: input.name,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, PREFIX_LENGTH),
      created_by: actor.id,
      created_at: createdAt,
      revoked_at: null,
    };
    await db.transaction().execute(async (trx) => {
      await open311KeysRepository.insert(trx, row);
      await this.ctx.audit.append(trx, actor, {
        action: 'open311.key_created',
        targetType: 'open311_key',
        targetId: id,
        regionCode: region.code,
        summary: { name: input.name, keyPrefix: row.key_prefix },
      });
    });
    return { key, view: { ...row, region_name: region.name } };
  }

  async revoke(scope: Scope, id: string, actor: AuditActor): Promise<Open311KeyView> {
    const { db } = this.ctx.database;
    const existing = await open311KeysRepository.find(db, scope, id);
    if (!existing) throw notFound('open311.key_not_found');
    if (existing.revoked_at) throw conflict('open311.key_revoked');
    const at = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (!(await open311KeysRepository.revoke(trx, id, at))) throw conflict('open311.key_revoked');
      await this.ctx.audit.append(trx, actor, {
        action: 'open311.key_revoked',
        targetType: 'open311_key',
        targetId: id,
        regionCode: existing.region_code,
        summary: { name: existing.name, keyPrefix: existing.key_prefix },
      });
    });
    return { ...existing, revoked_at: at };
  }

  /** The key a POST carries, if it is one of ours and not revoked; 403 otherwise (per the specification). */
  async authenticate(key: string | undefined): Promise<Open311Key> {
    if (!key) throw new DomainError('open311.api_key_missing', 403);
    const found =
      key.length <= 200
        ? await open311KeysRepository.activeByHash(this.ctx.database.db, hashKey(key))
        : undefined;
    if (!found) throw new DomainError('open311.api_key_invalid', 403);
    return found;
  }
}
