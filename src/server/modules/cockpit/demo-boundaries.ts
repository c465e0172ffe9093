import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { RegionBoundaryTable } from '../../db/tables.js';
import type { ServiceContext } from '../../services.js';
import { boundariesRepository } from './boundaries.repository.js';
import { rollupsRepository } from './rollups.repository.js';

/**
 * Plausible outlines for a demo district, so its maps work out of the box: the district as a
 * rounded polygon of its real size around its real seat (平房区: about 94 km² at 45.60°N,
 * 126.63°E), cut from its neighbours present in the same deployment, then each level split among
 * the children (streets → communities → grids → buildings) into Voronoi cells of well-spread
 * points. Deterministic: the same regions give the same outlines. Not real boundaries — a real
 * deployment imports its own with `lianxin regions boundaries FILE.geojson`.
 */

type Point = [number, number];

/** Seats and areas (km²) of Harbin's districts; others get a place near 平房区 by their code. */
const KNOWN_DISTRICTS: Record<string, { lat: number; lon: number; km2: number }> = {
  '230102': { lat: 45.755, lon: 126.617, km2: 479 },
  '230103': { lat: 45.76, lon: 126.669, km2: 182 },
  '230104': { lat: 45.792, lon: 126.649, km2: 618 },
  '230108': { lat: 45.6, lon: 126.63, km2: 94 },
  '230109': { lat: 45.805, lon: 126.52, km2: 736 },
  '230110': { lat: 45.708, lon: 126.663, km2: 340 },
  '230111': { lat: 45.889, lon: 126.588, km2: 800 },
  '230112': { lat: 45.541, lon: 126.958, km2: 800 },
  '230113': { lat: 45.383, lon: 126.312, km2: 800 },
};

/** A small deterministic generator seeded from a string (FNV-1a, then mulberry32). */
function randomFrom(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seatOf(district: string): { lat: number; lon: number; km2: number } {
  const known = KNOWN_DISTRICTS[district];
  if (known) return known;
  const random = randomFrom(district);
  return { lat: 45.6 + (random() - 0.5) * 0.6, lon: 126.63 + (random() - 0.5) * 0.8, km2: 100 };
}

/** Local plane in km around an origin (accurate enough over a city). */
class Plane {
  private readonly kx: number;
  private readonly ky = 110.574;
  constructor(
    private readonly lat0: number,
    private readonly lon0: number,
  ) {
    this.kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  }
  toKm(lat: number, lon: number): Point {
    return [(lon - this.lon0) * this.kx, (lat - this.lat0) * this.ky];
  }
  toLonLat([x, y]: Point): Point {
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    return [round(this.lon0 + x / this.kx), round(this.lat0 + y / this.ky)];
  }
}

export function area(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

function centroid(polygon: readonly Point[]): Point {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    const cross = x1 * y2 - x2 * y1;
    a += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(a) < 1e-12) return polygon[0]!;
  return [cx / (3 * a), cy / (3 * a)];
}

/** The part of a convex polygon nearer to `a` than to `b` (Sutherland–Hodgman, one half-plane). */
function clipNearer(polygon: readonly Point[], a: Point, b: Point): Point[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const side = (p: Point) => (p[0] - mx) * nx + (p[1] - my) * ny;
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

function inside(polygon: readonly Point[], [x, y]: Point): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

const voronoiCell = (parent: readonly Point[], seeds: readonly Point[], i: number): Point[] =>
  seeds.reduce<Point[]>(
    (cell, other, j) => (j === i ? cell : clipNearer(cell, seeds[i]!, other)),
    [...parent],
  );

/**
 * Splits a convex polygon into `count` convex cells of similar size: random points inside it,
 * moved a few times to the centres of their cells (Lloyd's relaxation), then their Voronoi cells.
 */
export function split(parent: readonly Point[], count: number, seed: string): Point[][] {
  if (count <= 1) return count === 1 ? [[...parent]] : [];
  const random = randomFrom(seed);
  const xs = parent.map((p) => p[0]);
  const ys = parent.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let seeds: Point[] = [];
  for (let tries = 0; seeds.length < count && tries < count * 200; tries++) {
    const point: Point = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (inside(parent, point)) seeds.push(point);
  }
  while (seeds.length < count) seeds.push(centroid(parent));
  for (let round = 0; round < 4; round++) {
    seeds = seeds.map((_, i) => {
      const cell = voronoiCell(parent, seeds, i);
      return cell.length >= 3 ? centroid(cell) : seeds[i]!;
    });
  }
  // Cells in a stable order: west to east in bands from north to south, so codes read like a map.
  const cells = seeds.map((_, i) => voronoiCell(parent, seeds, i));
  const band = (maxY - minY) / Math.max(1, Math.round(Math.sqrt(count)));
  return cells
    .map((cell) => ({ cell, c: centroid(cell) }))
    .sort((a, b) => {
      const ba = Math.floor((maxY - a.c[1]) / band);
      const bb = Math.floor((maxY - b.c[1]) / band);
      return ba - bb || a.c[0] - b.c[0];
    })
    .map((entry) => entry.cell);
}

/** A rounded convex outline of about `km2` around the origin (a slightly irregular 16-gon). */
function outline(km2: number, seed: string): Point[] {
  const random = randomFrom(seed);
  const sides = 16;
  // The area of a regular n-gon of circumradius r is n/2 · r² · sin(2π/n).
  const r = Math.sqrt((2 * km2) / (sides * Math.sin((2 * Math.PI) / sides)));
  const stretch = 1.15 + random() * 0.2;
  const tilt = random() * Math.PI;
  return Array.from({ length: sides }, (_, i) => {
    const angle = (2 * Math.PI * i) / sides;
    const wobble = 1 + (random() - 0.5) * 0.08;
    const x = Math.cos(angle) * r * stretch * wobble;
    const y = (Math.sin(angle) * r * wobble) / stretch;
    return [x * Math.cos(tilt) - y * Math.sin(tilt), x * Math.sin(tilt) + y * Math.cos(tilt)] as Point;
  });
}

const closedRing = (polygon: readonly Point[], plane: Plane): Point[] => {
  const ring = polygon.map((p) => plane.toLonLat(p));
  return [...ring, ring[0]!];
};

/**
 * Outlines for a district's regions, as lon/lat polygons by code. `neighbours` are the other
 * districts of the deployment: the district is cut where it would overlap them.
 */
export function planDemoBoundaries(
  district: string,
  regions: readonly { code: string; parent_code: string | null }[],
  neighbours: readonly string[],
): Map<string, Point[]> {
  const seat = seatOf(district);
  const plane = new Plane(seat.lat, seat.lon);
  let shape = outline(seat.km2, district);
  for (const other of neighbours) {
    if (other === district) continue;
    const there = seatOf(other);
    shape = clipNearer(shape, [0, 0], plane.toKm(there.lat, there.lon));
  }
  const children = new Map<string, string[]>();
  for (const region of regions) {
    if (!region.parent_code) continue;
    const list = children.get(region.parent_code) ?? [];
    list.push(region.code);
    children.set(region.parent_code, list);
  }
  const out = new Map<string, Point[]>();
  const visit = (code: string, polygon: Point[]) => {
    out.set(code, closedRing(polygon, plane));
    const kids = (children.get(code) ?? []).sort();
    split(polygon, kids.length, code).forEach((cell, i) => {
      if (cell.length >= 3) visit(kids[i]!, cell);
    });
  };
  visit(district, shape);
  return out;
}

/**
 * Writes demo outlines for every region of a district (except those with imported outlines) and
 * returns how many. The demo generator calls this after building its regions.
 */
export async function generateDemoBoundaries(ctx: ServiceContext, districtCode: string): Promise<number> {
  const { db } = ctx.database;
  const regions = await boundariesRepository.demoRegionsOf(db, districtCode);
  const neighbours = await rollupsRepository.districts(db);
  const plan = planDemoBoundaries(districtCode, regions, neighbours);
  const nowIso = ctx.now().toISOString();
  const rows: RegionBoundaryTable[] = regions
    .filter((region) => region.source !== 'import' && plan.has(region.code))
    .map((region) => ({
      region_code: region.code,
      district_code: districtCode,
      parent_code: region.parent_code,
      geometry: JSON.stringify({ type: 'Polygon', coordinates: [plan.get(region.code)!] }),
      source: 'demo',
      updated_at: nowIso,
    }));
  await db.transaction().execute(async (trx) => {
    await boundariesRepository.deleteDemoOf(trx, districtCode);
    await boundariesRepository.upsert(trx, rows);
    await ctx.audit.append(trx, SYSTEM_ACTOR, {
      action: 'region.boundaries_generated',
      targetType: 'region',
      targetId: districtCode,
      regionCode: districtCode,
      summary: { count: rows.length },
    });
  });
  return rows.length;
}
