import { districtOf } from '../../../shared/region-code.js';
import type { ServiceCategory } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import { catalogueRepository } from './catalogue.repository.js';
import { type CalendarExceptions, WorkingCalendar } from './working-calendar.js';

/** How long a process trusts its copy of the catalogue and calendar (edits elsewhere show up by then). */
const CACHE_MS = 60_000;

/** A region code's district: its first six digits. */

/**
 * The catalogue and calendar as of one moment: what a transaction works with (see `snapshot`).
 * Shared settings belong to the installation, and each district overlays its own: calendar
 * exceptions, categories of its own, and shared categories switched off (or on) for itself.
 */
export interface CatalogueSnapshot {
  /**
   * Every category as stored, shared and district-own, by code: the category of an order already
   * taken in (its name and SLA), whatever its district has switched since.
   */
  readonly categories: ReadonlyMap<string, ServiceCategory>;
  /** The working days of a district: shared exceptions overlaid by the district's own. */
  calendarOf(district: string): WorkingCalendar;
  /**
   * The categories of a district, in catalogue order: the shared ones, with `active` as the
   * district has set it, and the district's own. Another district's own categories are absent.
   */
  categoriesOf(district: string): readonly ServiceCategory[];
}

interface Loaded {
  categories: ServiceCategory[];
  settings: { district_code: string; category_code: string; active: number }[];
  sharedDays: { date: string; kind: 'holiday' | 'workday' }[];
  districtDays: { district_code: string; date: string; kind: 'holiday' | 'workday' }[];
}

/** One load of everything, answering per district (and remembering each answer). */
class DistrictCatalogue implements CatalogueSnapshot {
  readonly categories: ReadonlyMap<string, ServiceCategory>;
  private readonly shared: CalendarExceptions;
  private readonly calendars = new Map<string, WorkingCalendar>();
  private readonly lists = new Map<string, readonly ServiceCategory[]>();

  constructor(private readonly loaded: Loaded) {
    this.categories = new Map(loaded.categories.map((category) => [category.code, category]));
    this.shared = new Map(loaded.sharedDays.map((day) => [day.date, day.kind]));
  }

  calendarOf(district: string): WorkingCalendar {
    const code = districtOf(district);
    let calendar = this.calendars.get(code);
    if (!calendar) {
      const own = this.loaded.districtDays.filter((day) => day.district_code === code);
      calendar = new WorkingCalendar(
        own.length === 0
          ? this.shared
          : new Map([...this.shared, ...own.map((d) => [d.date, d.kind] as const)]),
      );
      this.calendars.set(code, calendar);
    }
    return calendar;
  }

  categoriesOf(district: string): readonly ServiceCategory[] {
    const code = districtOf(district);
    let list = this.lists.get(code);
    if (!list) {
      const switched = new Map(
        this.loaded.settings.filter((s) => s.district_code === code).map((s) => [s.category_code, s.active]),
      );
      list = this.loaded.categories
        .filter((category) => category.district_code === null || category.district_code === code)
        .map((category) => {
          // A district can switch a shared category off for itself, or back on after that; one
          // the installation switched off stays off everywhere.
          const override = category.district_code === null ? switched.get(category.code) : undefined;
          return override === undefined || category.active === 0
            ? category
            : { ...category, active: override };
        });
      this.lists.set(code, list);
    }
    return list;
  }
}

/**
 * The service catalogue and working-day calendar, read on every intake and every deadline: kept in
 * memory for a minute, dropped at once when this process edits them.
 */
export class CatalogueCache {
  private loadedAt = Number.NEGATIVE_INFINITY;
  private current: CatalogueSnapshot = new DistrictCatalogue({
    categories: [],
    settings: [],
    sharedDays: [],
    districtDays: [],
  });

  constructor(private readonly ctx: ServiceContext) {}

  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async fresh(): Promise<CatalogueSnapshot> {
    const now = Date.now();
    if (now - this.loadedAt < CACHE_MS) return this.current;
    const db = this.ctx.database.db;
    const [categories, settings, sharedDays, districtDays] = await Promise.all([
      catalogueRepository.categories(db),
      catalogueRepository.categorySettings(db),
      catalogueRepository.calendarDays(db),
      catalogueRepository.districtCalendarDays(db),
    ]);
    this.current = new DistrictCatalogue({ categories, settings, sharedDays, districtDays });
    this.loadedAt = now;
    return this.current;
  }

  /**
   * Take this before opening a transaction and use it inside: on SQLite there is one connection,
   * so a cache refresh from inside a transaction would wait for that transaction forever.
   */
  snapshot(): Promise<CatalogueSnapshot> {
    return this.fresh();
  }
}

/** The districts (first six digits) of some region codes, without repeats. */
export const districtsOf = (codes: readonly string[]): string[] => [
  ...new Set(codes.map((code) => districtOf(code))),
];
