import { EDUCATION_LEVELS, type EducationLevel, type MatchReasons } from '../../../shared/api/jobs.js';

/**
 * How well a seeker fits a job, out of 100, and why. Pure: the candidates are found in SQL first
 * (jobs.repository / seekers.repository), then only they are scored here.
 *
 * - Skills (50): the share of the job's skills the seeker has (a job asking none: full marks).
 * - Distance (25): same grid 25, community 18, street 10, district 4, farther 0 — from the region
 *   codes (a child's code extends its parent's); when both sides have coordinates the straight
 *   line decides instead (≤ 1 km 25, ≤ 3 km 18, ≤ 10 km 10, ≤ 30 km 4).
 * - Salary (15): the seeker's expectation at most the job's maximum, or no expectation.
 * - Education (10): the seeker's level at least the job's.
 * - A member of a 零就业家庭 gets 5 more: such households are served first among equals.
 * Ties go to the more skills matched, then the id (stable order).
 */
export interface JobSide {
  skills: readonly string[];
  education: EducationLevel;
  salaryMaxFen: number;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
}

export interface SeekerSide {
  skills: readonly string[];
  education: EducationLevel;
  expectedSalaryFen: number | null;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
  priority: boolean;
}

export interface Scored {
  score: number;
  reasons: MatchReasons;
}

const LEVEL_POINTS = { grid: 25, community: 18, street: 10, district: 4, other: 0 } as const;
type Level = keyof typeof LEVEL_POINTS;

/** Region codes: district 6 digits, street 9, community 12, grid 14. */
function sharedLevel(a: string, b: string): Level {
  const same = (n: number) => a.length >= n && b.length >= n && a.slice(0, n) === b.slice(0, n);
  if (same(14)) return 'grid';
  if (same(12)) return 'community';
  if (same(9)) return 'street';
  if (same(6)) return 'district';
  return 'other';
}

/** Great-circle distance in metres (haversine). */
export function metresBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

function levelOfMetres(m: number): Level {
  if (m <= 1000) return 'grid';
  if (m <= 3000) return 'community';
  if (m <= 10_000) return 'street';
  if (m <= 30_000) return 'district';
  return 'other';
}

const rank = (level: EducationLevel) => EDUCATION_LEVELS.indexOf(level);

export function scoreMatch(job: JobSide, seeker: SeekerSide): Scored {
  const has = new Set(seeker.skills);
  const skillsMatched = job.skills.filter((s) => has.has(s));
  const skillsMissing = job.skills.filter((s) => !has.has(s));
  const skillPoints =
    job.skills.length === 0 ? 50 : Math.round((50 * skillsMatched.length) / job.skills.length);

  const coordinates =
    job.latitude !== null && job.longitude !== null && seeker.latitude !== null && seeker.longitude !== null;
  const meters = coordinates
    ? metresBetween(job.latitude!, job.longitude!, seeker.latitude!, seeker.longitude!)
    : null;
  const level = meters !== null ? levelOfMetres(meters) : sharedLevel(job.regionCode, seeker.regionCode);

  const salary =
    seeker.expectedSalaryFen === null
      ? 'unknown'
      : seeker.expectedSalaryFen <= job.salaryMaxFen
        ? 'fits'
        : 'above_range';
  const education = rank(seeker.education) >= rank(job.education) ? 'meets' : 'below';

  const score =
    skillPoints +
    LEVEL_POINTS[level] +
    (salary === 'above_range' ? 0 : 15) +
    (education === 'meets' ? 10 : 0) +
    (seeker.priority ? 5 : 0);
  return {
    score,
    reasons: {
      skillsMatched,
      skillsMissing,
      distance: { level, meters },
      salary,
      education,
      priority: seeker.priority,
    },
  };
}

/** Best first: score, then skills matched, then id. */
export function byFit<T extends { id: string; scored: Scored }>(a: T, b: T): number {
  return (
    b.scored.score - a.scored.score ||
    b.scored.reasons.skillsMatched.length - a.scored.reasons.skillsMatched.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
