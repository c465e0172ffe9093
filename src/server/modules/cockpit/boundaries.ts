import type { Executor } from '../../db/database.js';
import type { RegionBoundaryTable } from '../../db/tables.js';
import { type Language, type MessageCode, translate } from '../../i18n/messages.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { boundariesRepository } from './boundaries.repository.js';

type Position = [number, number];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface BoundaryProblem {
  /** 1-based position of the feature in the file; 0 for the file as a whole. */
  index: number;
  code: string | null;
  message: MessageCode;
  params?: Record<string, unknown>;
}

export interface BoundaryCheck {
  valid: { code: string; geometry: Geometry }[];
  problems: BoundaryProblem[];
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Number.isFinite(value[0]) &&
  Number.isFinite(value[1]) &&
  value[0] >= -180 &&
  value[0] <= 180 &&
  value[1] >= -90 &&
  value[1] <= 90;

/** Where a polygon's coordinates are wrong (a JSON path), or null when they are a valid polygon. */
function polygonProblem(rings: unknown, path: string): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return path;
  for (const [r, ring] of rings.entries()) {
    const at = `${path}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) return at;
    for (const [p, position] of ring.entries()) if (!isPosition(position)) return `${at}[${p}]`;
    const first = ring[0] as Position;
    const last = ring.at(-1) as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) return `${at}[${ring.length - 1}]`;
  }
  return null;
}

/** Keeps longitude and latitude only (a third value, the altitude, is dropped). */
const flat = (rings: Position[][]): Position[][] =>
  rings.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Position));

export function checkGeometry(geometry: unknown): { geometry: Geometry } | { path: string } {
  if (!geometry || typeof geometry !== 'object') return { path: 'geometry' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') {
    const problem = polygonProblem(coordinates, 'geometry.coordinates');
    return problem
      ? { path: problem }
      : { geometry: { type, coordinates: flat(coordinates as Position[][]) } };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return { path: 'geometry.coordinates' };
    for (const [i, polygon] of coordinates.entries()) {
      const problem = polygonProblem(polygon, `geometry.coordinates[${i}]`);
      if (problem) return { path: problem };
    }
    return { geometry: { type, coordinates: (coordinates as Position[][][]).map(flat) } };
  }
  return { path: 'geometry.type' };
}

/**
 * A district's outlines are a few megabytes (the real 230108 file: 1.2 MB, 30,000 positions).
 * Bounds far above that keep a hostile file from holding the process's memory.
 */
export const MAX_BOUNDARY_MEGABYTES = 64;
export const MAX_BOUNDARY_POSITIONS = 5_000_000;

const countPositions = (value: unknown, depth = 0): number =>
  // Positions are arrays of numbers, at depth 2 (Polygon) or 3 (MultiPolygon) under coordinates.
  !Array.isArray(value) || depth > 4
    ? 0
    : typeof value[0] === 'number'
      ? 1
      : value.reduce((sum: number, item) => sum + countPositions(item, depth + 1), 0);

/**
 * Checks a GeoJSON file of region outlines: a FeatureCollection whose features carry the region's
 * code in `properties.code` and a Polygon or MultiPolygon. Every problem is reported (with the
 * feature's position and code), not only the first.
 */
export async function checkBoundaries(
  db: Executor,
  text: string,
  limits = { megabytes: MAX_BOUNDARY_MEGABYTES, positions: MAX_BOUNDARY_POSITIONS },
): Promise<BoundaryCheck> {
  const tooLarge: BoundaryCheck = {
    valid: [],
    problems: [
      {
        index: 0,
        code: null,
        message: 'boundaries.too_large',
        params: { megabytes: limits.megabytes, max: limits.positions },
      },
    ],
  };
  if (text.length > limits.megabytes * 1024 * 1024) return tooLarge;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      valid: [],
      problems: [
        {
          index: 0,
          code: null,
          message: 'boundaries.not_json',
          params: { reason: (error as Error).message },
        },
      ],
    };
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { valid: [], problems: [{ index: 0, code: null, message: 'boundaries.not_collection' }] };
  }
  if (collection.features.length === 0) {
    return { valid: [], problems: [{ index: 0, code: null, message: 'boundaries.no_features' }] };
  }
  let positions = 0;
  for (const feature of collection.features as unknown[]) {
    positions += countPositions(
      (feature as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates,
    );
    if (positions > limits.positions) return tooLarge;
  }
  const candidates: { index: number; code: string; geometry: Geometry }[] = [];
  const problems: BoundaryProblem[] = [];
  const seen = new Set<string>();
  for (const [i, feature] of (collection.features as unknown[]).entries()) {
    const index = i + 1;
    const properties = (feature as { properties?: Record<string, unknown> } | null)?.properties ?? {};
    const raw = properties.code;
    const code = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (!/^\d{6,17}$/.test(code)) {
      problems.push({ index, code: code || null, message: 'boundaries.no_code' });
      continue;
    }
    if (seen.has(code)) {
      problems.push({ index, code, message: 'boundaries.duplicate_code', params: { code } });
      continue;
    }
    seen.add(code);
    const checked = checkGeometry((feature as { geometry?: unknown }).geometry);
    if ('path' in checked) {
      problems.push({ index, code, message: 'boundaries.bad_geometry', params: { path: checked.path } });
      continue;
    }
    candidates.push({ index, code, geometry: checked.geometry });
  }
  const known = await boundariesRepository.regions(
    db,
    candidates.map((c) => c.code),
  );
  const valid: BoundaryCheck['valid'] = [];
  for (const candidate of candidates) {
    if (known.has(candidate.code)) valid.push({ code: candidate.code, geometry: candidate.geometry });
    else
      problems.push({
        index: candidate.index,
        code: candidate.code,
        message: 'boundaries.unknown_code',
        params: { code: candidate.code },
      });
  }
  problems.sort((a, b) => a.index - b.index);
  return { valid, problems };
}

export const describeProblem = (problem: BoundaryProblem, language: Language): string => {
  const message = translate(problem.message, language, problem.params);
  return problem.index === 0
    ? message
    : translate('boundaries.feature', language, { index: problem.index, code: problem.code ?? '—', message });
};

export interface BoundaryImport {
  imported: number;
  problems: BoundaryProblem[];
  /** False when problems stopped the import (nothing written). */
  written: boolean;
}

/**
 * `lianxin regions boundaries FILE.geojson`: all or nothing, unless `skipInvalid` (then the good
 * features are written and the bad ones reported). One transaction, with an audit row per district.
 */
export async function importBoundaries(
  ctx: ServiceContext,
  text: string,
  options: { actor: AuditActor; skipInvalid: boolean },
): Promise<BoundaryImport> {
  const { db } = ctx.database;
  const check = await checkBoundaries(db, text);
  if (check.valid.length === 0 || (check.problems.length > 0 && !options.skipInvalid))
    return { imported: 0, problems: check.problems, written: false };
  const nowIso = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const regions = await boundariesRepository.regions(
      trx,
      check.valid.map((v) => v.code),
    );
    const rows: RegionBoundaryTable[] = check.valid.map((v) => ({
      region_code: v.code,
      district_code: regions.get(v.code)!.districtCode,
      parent_code: regions.get(v.code)!.parentCode,
      geometry: JSON.stringify(v.geometry),
      source: 'import',
      updated_at: nowIso,
    }));
    await boundariesRepository.upsert(trx, rows);
    const perDistrict = new Map<string, number>();
    for (const row of rows) perDistrict.set(row.district_code, (perDistrict.get(row.district_code) ?? 0) + 1);
    for (const [district, count] of perDistrict) {
      await ctx.audit.append(trx, options.actor, {
        action: 'region.boundaries_imported',
        targetType: 'region',
        targetId: district,
        regionCode: district,
        summary: { count, skipped: check.problems.length },
      });
    }
  });
  return { imported: check.valid.length, problems: check.problems, written: true };
}
