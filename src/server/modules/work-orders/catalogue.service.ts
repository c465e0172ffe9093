import type { ServiceCategory } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import { catalogueRepository } from './catalogue.repository.js';
import { WorkingCalendar } from './working-calendar.js';

/** How long a process trusts its copy of the catalogue and calendar (edits elsewhere show up by then). */
const CACHE_MS = 60_000;

/**
 * The service catalogue and working-day calendar, read on every intake and every deadline: kept in
 * memory for a minute, dropped at once when this process edits them.
 */
/** The catalogue and calendar as of one moment: what a transaction works with (see `snapshot`). */
export interface CatalogueSnapshot {
  readonly categories: ReadonlyMap<string, ServiceCategory>;
  readonly calendar: WorkingCalendar;
}

export class CatalogueCache {
  private loadedAt = Number.NEGATIVE_INFINITY;
  private categories = new Map<string, ServiceCategory>();
  private calendar = new WorkingCalendar(new Map());

  constructor(private readonly ctx: ServiceContext) {}

  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async fresh(): Promise<void> {
    const now = Date.now();
    if (now - this.loadedAt < CACHE_MS) return;
    const db = this.ctx.database.db;
    const [categories, days] = await Promise.all([
      catalogueRepository.categories(db),
      catalogueRepository.calendarDays(db),
    ]);
    this.categories = new Map(categories.map((category) => [category.code, category]));
    this.calendar = new WorkingCalendar(new Map(days.map((day) => [day.date, day.kind])));
    this.loadedAt = now;
  }

  /**
   * Take this before opening a transaction and use it inside: on SQLite there is one connection,
   * so a cache refresh from inside a transaction would wait for that transaction forever.
   */
  async snapshot(): Promise<CatalogueSnapshot> {
    await this.fresh();
    return { categories: this.categories, calendar: this.calendar };
  }

  async category(code: string): Promise<ServiceCategory | undefined> {
    await this.fresh();
    return this.categories.get(code);
  }

  async allCategories(): Promise<ServiceCategory[]> {
    await this.fresh();
    return [...this.categories.values()];
  }

  async workingCalendar(): Promise<WorkingCalendar> {
    await this.fresh();
    return this.calendar;
  }
}
