import type { CategoryAttribute, HandlerKind } from '../../../shared/work-orders.js';
import {
  assertOwnsDistrictSettings,
  assertOwnsInstallationSettings,
  touchesDistrict,
} from '../../auth/installation-settings.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { ServiceCategory } from '../../db/tables.js';
import { fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { catalogueRepository } from './catalogue.repository.js';
import type { CatalogueCache } from './catalogue.service.js';
import { HotlinesAdmin } from './hotlines.service.js';

/** A category with whether it is active in each of the caller's districts that see it. */
export interface CategoryView {
  category: ServiceCategory;
  districts: { districtCode: string; active: boolean }[];
}

/** A calendar exception; `districtCode` null: shared by the installation. */
export interface CalendarDayView {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  districtCode: string | null;
}

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
 * The catalogue and the calendar as staff read and admins edit them (hotlines: `hotlineAdmin`). Every edit is
 * audited and drops this process's cache (other processes refresh within a minute).
 */
export class CatalogueAdmin {
  /** The hotlines: per unit, in scope, not installation settings (hotlines.service.ts). */
  readonly hotlineAdmin: HotlinesAdmin;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly cache: CatalogueCache,
  ) {
    this.hotlineAdmin = new HotlinesAdmin(ctx);
  }

  /**
   * The catalogue as a caller sees it: the shared categories and the own categories of the
   * caller's districts, each with whether it is active in each of those districts (a shared one
   * may be switched off by a district). Another district's own categories are not shown.
   */
  async categories(districts: readonly string[]): Promise<CategoryView[]> {
    const db = this.ctx.database.db;
    const [all, settings] = await Promise.all([
      catalogueRepository.categories(db),
      catalogueRepository.categorySettings(db, districts),
    ]);
    const switched = new Map(settings.map((s) => [`${s.district_code}:${s.category_code}`, s.active]));
    return all
      .filter((category) => category.district_code === null || districts.includes(category.district_code))
      .map((category) => ({
        category,
        districts: districts
          .filter((district) => category.district_code === null || category.district_code === district)
          .map((district) => ({
            districtCode: district,
            active:
              category.active === 1 &&
              (category.district_code !== null || switched.get(`${district}:${category.code}`) !== 0),
          })),
      }));
  }

  /** The shared exceptions and those of the caller's districts (each row says whose it is). */
  async calendarDays(districts: readonly string[], year?: number): Promise<CalendarDayView[]> {
    const db = this.ctx.database.db;
    const from = year ? `${year}-01-01` : undefined;
    const to = year ? `${year}-12-31` : undefined;
    const [shared, own] = await Promise.all([
      catalogueRepository.calendarDays(db, from, to),
      catalogueRepository.districtCalendarDays(db, districts, from, to),
    ]);
    return [
      ...shared.map((day) => ({ date: day.date, kind: day.kind, name: day.name, districtCode: null })),
      ...own.map((day) => ({
        date: day.date,
        kind: day.kind,
        name: day.name,
        districtCode: day.district_code,
      })),
    ].sort(
      (a, b) => a.date.localeCompare(b.date) || (a.districtCode ?? '').localeCompare(b.districtCode ?? ''),
    );
  }

  /** Shared catalogue and calendar are installation-wide: see `installation-settings.ts`. */
  private assertOwner(scope: Scope): void {
    assertOwnsInstallationSettings(scope, this.districtCode);
  }

  private get districtCode() {
    return this.ctx.config.districtCode;
  }

  /**
   * A category the caller may edit: a shared one needs the installation owner, a district's own
   * one that district's owner. Another district's own category does not exist for the caller.
   */
  private async editableCategory(trx: Executor, scope: Scope, code: string) {
    const category = await catalogueRepository.category(trx, code);
    if (!category) throw notFound('workorder.unknown_category');
    if (category.district_code === null) this.assertOwner(scope);
    else if (!touchesDistrict(scope, category.district_code)) throw notFound('workorder.unknown_category');
    else assertOwnsDistrictSettings(scope, category.district_code);
    return category;
  }

  /**
   * A shared category (no `districtCode`), or a district's own one: only that district sees it,
   * and its group, if any, must be a group that district sees (shared or its own).
   */
  async createCategory(
    scope: Scope,
    input: CategoryInput & {
      code: string;
      parentCode?: string | undefined;
      districtCode?: string | undefined;
    },
    actor: AuditActor,
  ) {
    const district = input.districtCode ?? null;
    if (district === null) this.assertOwner(scope);
    else assertOwnsDistrictSettings(scope, district);
    const { db } = this.ctx.database;
    const nowIso = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (input.parentCode) {
        const parent = await catalogueRepository.category(trx, input.parentCode);
        const visible = parent && (parent.district_code === null || parent.district_code === district);
        if (!parent || !visible || parent.parent_code !== null)
          throw fieldError('parentCode', 'category.unknown_parent');
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
        district_code: district,
        created_at: nowIso,
        updated_at: nowIso,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'catalogue.category_created',
        targetType: 'service_category',
        targetId: input.code,
        regionCode: district ?? this.districtCode,
        summary: {
          name: input.name,
          resolveDays: input.resolveDays,
          signHours: input.signHours,
          districtCode: district,
        },
      });
    });
    this.cache.invalidate();
    return (await catalogueRepository.category(db, input.code))!;
  }

  async updateCategory(scope: Scope, code: string, input: Partial<CategoryInput>, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const before = await this.editableCategory(trx, scope, code);
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
        regionCode: before.district_code ?? this.districtCode,
        summary: { changed: Object.keys(changes) },
      });
    });
    this.cache.invalidate();
    return (await catalogueRepository.category(db, code))!;
  }

  /**
   * Switches a category on or off for one district: a shared one through the district's own
   * setting (the installation's row stays as it is), the district's own one on its row. Another
   * district's own category does not exist here (404).
   */
  async setDistrictCategory(
    scope: Scope,
    district: string,
    code: string,
    input: { active: boolean },
    actor: AuditActor,
  ) {
    assertOwnsDistrictSettings(scope, district);
    const { db } = this.ctx.database;
    const nowIso = this.ctx.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const category = await catalogueRepository.category(trx, code);
      if (!category || (category.district_code !== null && category.district_code !== district))
        throw notFound('workorder.unknown_category');
      if (category.district_code === null)
        await catalogueRepository.setCategorySetting(trx, {
          district_code: district,
          category_code: code,
          active: input.active ? 1 : 0,
          updated_at: nowIso,
        });
      else
        await catalogueRepository.updateCategory(trx, code, {
          active: input.active ? 1 : 0,
          updated_at: nowIso,
        });
      await this.ctx.audit.append(trx, actor, {
        action: 'catalogue.district_category_set',
        targetType: 'service_category',
        targetId: code,
        regionCode: district,
        summary: { districtCode: district, active: input.active },
      });
    });
    this.cache.invalidate();
    return (await this.categories([district])).find((view) => view.category.code === code)!;
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

  /** A district's own holiday or worked weekend day: overlays the shared calendar for its orders. */
  async setDistrictCalendarDay(
    scope: Scope,
    district: string,
    date: string,
    input: { kind: 'holiday' | 'workday'; name: string },
    actor: AuditActor,
  ) {
    assertOwnsDistrictSettings(scope, district);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await catalogueRepository.upsertDistrictCalendarDay(trx, {
        district_code: district,
        date,
        kind: input.kind,
        name: input.name,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'calendar.district_day_set',
        targetType: 'calendar_day',
        targetId: date,
        regionCode: district,
        summary: { ...input, districtCode: district },
      });
    });
    this.cache.invalidate();
  }

  async deleteDistrictCalendarDay(scope: Scope, district: string, date: string, actor: AuditActor) {
    assertOwnsDistrictSettings(scope, district);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      if ((await catalogueRepository.deleteDistrictCalendarDay(trx, district, date)) === 0)
        throw notFound('calendar.unknown_day');
      await this.ctx.audit.append(trx, actor, {
        action: 'calendar.district_day_deleted',
        targetType: 'calendar_day',
        targetId: date,
        regionCode: district,
        summary: { districtCode: district },
      });
    });
    this.cache.invalidate();
  }
}
