import { v7 as uuidv7 } from 'uuid';
import type { CategoryAttribute, HandlerKind } from '../../../shared/work-orders.js';
import { assertOwnsInstallationSettings } from '../../auth/installation-settings.js';
import type { Scope } from '../../auth/scope.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/audit.repository.js';
import { regionsRepository } from '../regions/regions.repository.js';
import { catalogueRepository } from './catalogue.repository.js';
import type { CatalogueCache } from './catalogue.service.js';

export interface CategoryInput {
  name: string;
  nameEn?: string | undefined;
  description?: string | undefined;
  handlerKind: HandlerKind;
  signHours: number;
  resolveDays: number;
  proxy?: boolean | undefined;
  attributes?: CategoryAttribute[] | undefined;
  keywords?: string | undefined;
  active?: boolean | undefined;
  sort?: number | undefined;
}

/**
 * The catalogue, the calendar and the hotlines as staff read and admins edit them. Every edit is
 * audited and drops this process's cache (other processes refresh within a minute).
 */
export class CatalogueAdmin {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly cache: CatalogueCache,
  ) {}

  categories() {
    return catalogueRepository.categories(this.ctx.database.db);
  }

  calendarDays(year?: number) {
    return catalogueRepository.calendarDays(
      this.ctx.database.db,
      year ? `${year}-01-01` : undefined,
      year ? `${year}-12-31` : undefined,
    );
  }

  /**
   * The hotlines of the districts the caller works in. Not narrowed to the caller's subtree: a
   * community's staff must recognise the district's hotline on their orders, and a hotline's
   * number is public anyway; another district's hotlines are none of their business.
   */
  hotlines(scope: Scope) {
    const districts = [...new Set(scope.roots.map((root) => root.slice(0, 6)))];
    return catalogueRepository.hotlinesOfDistricts(this.ctx.database.db, districts);
  }

  /** Catalogue and calendar are installation-wide: see `installation-settings.ts`. */
  private assertOwner(scope: Scope): void {
    assertOwnsInstallationSettings(scope, this.districtCode);
  }

  private get districtCode() {
    return this.ctx.config.districtCode;
  }

  async createCategory(
    scope: Scope,
    input: CategoryInput & { code: string; parentCode?: string | undefined },
    actor: AuditActor,
  ) {
    this.assertOwner(scope);
    const { db } = this.ctx.database;
    const nowIso = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (input.parentCode) {
        const parent = await catalogueRepository.category(trx, input.parentCode);
        if (!parent || parent.parent_code !== null) throw fieldError('parentCode', 'category.unknown_parent');
      }
      if (await catalogueRepository.category(trx, input.code)) throw fieldError('code', 'category.exists');
      await catalogueRepository.insertCategory(trx, {
        code: input.code,
        parent_code: input.parentCode ?? null,
        name: input.name,
        name_en: input.nameEn ?? '',
        description: input.description ?? '',
        handler_kind: input.handlerKind,
        sign_hours: input.signHours,
        resolve_days: input.resolveDays,
        proxy: input.proxy ? 1 : 0,
        attributes: JSON.stringify(input.attributes ?? []),
        keywords: input.keywords ?? '',
        active: input.active === false ? 0 : 1,
        sort: input.sort ?? 0,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'catalogue.category_created',
        targetType: 'service_category',
        targetId: input.code,
        regionCode: this.districtCode,
        summary: { name: input.name, resolveDays: input.resolveDays, signHours: input.signHours },
      });
    });
    this.cache.invalidate();
    return (await catalogueRepository.category(db, input.code))!;
  }

  async updateCategory(scope: Scope, code: string, input: Partial<CategoryInput>, actor: AuditActor) {
    this.assertOwner(scope);
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const before = await catalogueRepository.category(trx, code);
      if (!before) throw notFound('workorder.unknown_category');
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.handlerKind !== undefined ? { handler_kind: input.handlerKind } : {}),
        ...(input.signHours !== undefined ? { sign_hours: input.signHours } : {}),
        ...(input.resolveDays !== undefined ? { resolve_days: input.resolveDays } : {}),
        ...(input.proxy !== undefined ? { proxy: input.proxy ? 1 : 0 } : {}),
        ...(input.attributes !== undefined ? { attributes: JSON.stringify(input.attributes) } : {}),
        ...(input.keywords !== undefined ? { keywords: input.keywords } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
      };
      await catalogueRepository.updateCategory(trx, code, {
        ...changes,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'catalogue.category_updated',
        targetType: 'service_category',
        targetId: code,
        regionCode: this.districtCode,
        summary: { changed: Object.keys(changes) },
      });
    });
    this.cache.invalidate();
    return (await catalogueRepository.category(db, code))!;
  }

  async setCalendarDay(
    scope: Scope,
    date: string,
    input: { kind: 'holiday' | 'workday'; name: string },
    actor: AuditActor,
  ) {
    this.assertOwner(scope);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await catalogueRepository.upsertCalendarDay(trx, {
        date,
        kind: input.kind,
        name: input.name,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'calendar.day_set',
        targetType: 'calendar_day',
        targetId: date,
        regionCode: this.districtCode,
        summary: input,
      });
    });
    this.cache.invalidate();
  }

  async deleteCalendarDay(scope: Scope, date: string, actor: AuditActor) {
    this.assertOwner(scope);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      if ((await catalogueRepository.deleteCalendarDay(trx, date)) === 0)
        throw notFound('calendar.unknown_day');
      await this.ctx.audit.append(trx, actor, {
        action: 'calendar.day_deleted',
        targetType: 'calendar_day',
        targetId: date,
        regionCode: this.districtCode,
      });
    });
    this.cache.invalidate();
  }

  /** A hotline belongs to a unit inside the caller's scope; orders taken on it start there. */
  async createHotline(
    scope: Scope,
    input: { number: string; name: string; regionCode: string },
    actor: AuditActor,
  ) {
    const { db } = this.ctx.database;
    const id = uuidv7();
    try {
      await db.transaction().execute(async (trx) => {
        const region = await regionsRepository.findUnscoped(trx, input.regionCode);
        if (!region || !scope.includes(region.code))
          throw fieldError('regionCode', 'workorder.unknown_region');
        await catalogueRepository.insertHotline(trx, {
          id,
          district_code: region.district_code,
          region_code: region.code,
          number: input.number,
          name: input.name,
          active: 1,
          created_at: this.ctx.now().toISOString(),
        });
        await this.ctx.audit.append(trx, actor, {
          action: 'hotline.created',
          targetType: 'hotline',
          targetId: id,
          regionCode: region.code,
          summary: input,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('hotline.exists');
      throw error;
    }
    return (await catalogueRepository.hotline(db, id))!;
  }

  async updateHotline(
    scope: Scope,
    id: string,
    input: { name?: string | undefined; active?: boolean | undefined },
    actor: AuditActor,
  ) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const hotline = await catalogueRepository.hotline(trx, id);
      if (!hotline || !scope.includes(hotline.region_code)) throw notFound('workorder.unknown_hotline');
      await catalogueRepository.updateHotline(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'hotline.updated',
        targetType: 'hotline',
        targetId: id,
        regionCode: hotline.region_code,
        summary: input,
      });
    });
    return (await catalogueRepository.hotline(db, id))!;
  }
}
