import { pathOf } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import type { Region } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { DEPTH_OF_KIND, LOCAL_CHILD_RULES, mayEditRegion, nextChildCode } from './region-rules.js';
import { type RegionWithCount, regionsRepository } from './regions.repository.js';

/** A write refused by a foreign key, on either dialect (a record the checks before did not know). */
const isForeignKeyViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  ((error as { code: unknown }).code === '23503' ||
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY');

const ownScope = (code: string) => new DomainError('region.own_scope', 403, { code });

const duplicateName = (name: string) =>
  new DomainError('region.duplicate_name', 409, { name }, [
    { path: 'name', code: 'region.duplicate_name', params: { name } },
  ]);

export class RegionsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The regions a user's tree starts from. */
  roots(scope: Scope): Promise<RegionWithCount[]> {
    return regionsRepository.roots(this.ctx.database.db, scope.roots);
  }

  async get(scope: Scope, code: string): Promise<RegionWithCount & { ancestors: Region[] }> {
    const { db } = this.ctx.database;
    const region = await regionsRepository.findInScope(db, scope, code);
    if (!region) throw notFound('region.not_found', { code });
    // Breadcrumbs show only the ancestors the caller may see: outside the scope nothing exists.
    const ancestors: Region[] = [];
    let parentCode = region.parent_code;
    while (parentCode && scope.includes(parentCode)) {
      const parent = await regionsRepository.findUnscoped(db, parentCode);
      if (!parent) break;
      ancestors.unshift(parent);
      parentCode = parent.parent_code;
    }
    return { ...region, ancestors };
  }

  /**
   * Many regions' names at once, each with its ancestors inside the caller's scope (the same
   * breadcrumb `get` gives): what a page of rows needs to name its places in one request instead
   * of one per row. Codes outside the scope are left out, as `get` would answer them 404.
   */
  async names(scope: Scope, codes: readonly string[]) {
    const wanted = [...new Set(codes)].filter((code) => scope.includes(code));
    const visiblePath = (code: string) => pathOf(code).filter((c) => scope.includes(c));
    const named = await regionsRepository.namedMany(this.ctx.database.db, [
      ...new Set(wanted.flatMap(visiblePath)),
    ]);
    return wanted.flatMap((code) => {
      const own = named.get(code);
      if (!own) return [];
      const ancestors = visiblePath(code)
        .filter((c) => c !== code && named.has(c))
        .map((c) => ({ code: c, ...named.get(c)! }));
      return [{ code, ...own, ancestors }];
    });
  }

  async children(scope: Scope, code: string): Promise<RegionWithCount[]> {
    await this.get(scope, code);
    return regionsRepository.children(this.ctx.database.db, code);
  }

  search(scope: Scope, text: string, limit: number): Promise<Region[]> {
    return regionsRepository.search(this.ctx.database.db, scope, text, limit);
  }

  /** Creates a grid under a community/village or a building under a grid, with a derived code. */
  async createChild(
    scope: Scope,
    parentCode: string,
    input: { kind: 'grid' | 'building'; name: string },
    actor: AuditActor,
  ): Promise<RegionWithCount> {
    const { db } = this.ctx.database;
    const name = input.name.trim();
    // Two creations racing for the same next code: the loser retries with the following one.
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx) => {
          const parent = await regionsRepository.findInScope(trx, scope, parentCode);
          if (!parent) throw notFound('region.not_found', { code: parentCode });
          const rule = LOCAL_CHILD_RULES[parent.kind];
          if (!rule || rule.kind !== input.kind) {
            throw new DomainError(
              'region.invalid_child_kind',
              400,
              { kind: input.kind, parentKind: parent.kind },
              [
                {
                  path: 'kind',
                  code: 'region.invalid_child_kind',
                  params: { kind: input.kind, parentKind: parent.kind },
                },
              ],
            );
          }
          if (await regionsRepository.siblingNamed(trx, parent.code, name)) throw duplicateName(name);
          const code = nextChildCode(
            parent.code,
            await regionsRepository.lastChildCode(trx, parent.code),
            rule.digits,
          );
          if (!code) throw new DomainError('region.sequence_exhausted', 409);
          const now = this.ctx.now().toISOString();
          await regionsRepository.insert(trx, {
            code,
            parent_code: parent.code,
            kind: rule.kind,
            name,
            depth: DEPTH_OF_KIND[rule.kind],
            district_code: parent.district_code,
            source: 'local',
            created_at: now,
            updated_at: now,
          });
          await this.ctx.audit.append(trx, actor, {
            action: 'region.created',
            targetType: 'region',
            targetId: code,
            regionCode: code,
            summary: { kind: rule.kind, name, parentCode: parent.code },
          });
          return { ...(await regionsRepository.findUnscoped(trx, code))!, child_count: 0 };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (await regionsRepository.siblingNamed(db, parentCode, name)) throw duplicateName(name);
        if (attempt >= 4) throw error;
      }
    }
  }

  /** Grids and buildings can be renamed; official divisions keep their official names. */
  async rename(scope: Scope, code: string, name: string, actor: AuditActor): Promise<RegionWithCount> {
    const { db } = this.ctx.database;
    const trimmed = name.trim();
    try {
      await db.transaction().execute(async (trx) => {
        const region = await regionsRepository.findInScope(trx, scope, code);
        if (region?.source !== 'local') throw notFound('region.not_found', { code });
        // Visible (it is the root of the caller's scope) but not theirs to change: 403, not 404.
        if (!mayEditRegion(scope, code)) throw ownScope(code);
        if (region.name === trimmed) return;
        if (region.parent_code && (await regionsRepository.siblingNamed(trx, region.parent_code, trimmed))) {
          throw duplicateName(trimmed);
        }
        await regionsRepository.rename(trx, code, trimmed, this.ctx.now().toISOString());
        await this.ctx.audit.append(trx, actor, {
          action: 'region.renamed',
          targetType: 'region',
          targetId: code,
          regionCode: code,
          summary: { before: region.name, after: trimmed },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(trimmed);
      throw error;
    }
    return this.get(scope, code);
  }

  /**
   * Removes an empty grid or building; anything with children, accounts, households, residents or
   * other records in it stays, with a 409 that says why.
   */
  async remove(scope: Scope, code: string, actor: AuditActor): Promise<void> {
    const { db } = this.ctx.database;
    let name = code;
    try {
      await db.transaction().execute(async (trx) => {
        const region = await regionsRepository.findInScope(trx, scope, code);
        if (region?.source !== 'local') throw notFound('region.not_found', { code });
        name = region.name;
        if (!mayEditRegion(scope, code)) throw ownScope(code);
        if (region.child_count > 0 || (await regionsRepository.isReferenced(trx, code))) {
          throw new DomainError('region.not_empty', 409, { name: region.name });
        }
        if (await regionsRepository.firstRecordIn(trx, code)) {
          throw new DomainError('region.in_use', 409, { name: region.name });
        }
        await regionsRepository.delete(trx, code);
        await this.ctx.audit.append(trx, actor, {
          action: 'region.deleted',
          targetType: 'region',
          targetId: code,
          regionCode: code,
          summary: { kind: region.kind, name: region.name },
        });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainError('region.in_use', 409, { name });
      throw error;
    }
  }
}
