import { startOfBeijingDate } from '../../../shared/beijing-time.js';
import type { Executor } from '../../db/database.js';
import { coursesRepository } from './courses.repository.js';

/** One member's study of one course in a year: the best score of the year's attempts, and a pass. */
export interface StudyResult {
  memberId: string;
  courseId: string;
  courseTitle: string;
  attempts: number;
  bestScore: number;
  passed: boolean;
}

/** The Beijing year as the instants [from, to) it spans. */
const yearSpan = (year: number) => ({
  from: startOfBeijingDate(`${year}-01-01`),
  to: startOfBeijingDate(`${year + 1}-01-01`),
});

/**
 * Per member and course, the study results of a Beijing year in a district (attempts submitted in
 * that year): for the points module (积分), which turns completions and scores into points.
 */
export async function studyResults(db: Executor, district: string, year: number): Promise<StudyResult[]> {
  const { from, to } = yearSpan(year);
  const rows = await coursesRepository.results(db, district, from, to);
  return rows.map((r) => ({
    memberId: r.member_id,
    courseId: r.course_id,
    courseTitle: r.title,
    attempts: Number(r.attempts),
    bestScore: Number(r.best),
    passed: Number(r.passed) === 1,
  }));
}

/** Courses passed in a Beijing year: member, course, first passed at, region, best score. */
export async function studyPassed(db: Executor, district: string, year: number) {
  const { from, to } = yearSpan(year);
  return (await coursesRepository.passedBetween(db, district, from, to)).map((r) => ({
    memberId: r.member_id,
    courseId: r.course_id,
    courseTitle: r.title,
    passedAt: r.passed_at,
    regionCode: r.region_code,
    bestScore: Number(r.best),
  }));
}

/**
 * Members who passed a course in a Beijing year, per region of their organization (the region
 * itself, not its subtree; a cockpit indicator sums the subtree): for a completion indicator later.
 */
export async function studyCompletionsByRegion(
  db: Executor,
  district: string,
  year: number,
): Promise<Map<string, number>> {
  const { from, to } = yearSpan(year);
  const rows = await coursesRepository.passedByRegion(db, district, from, to);
  return new Map(rows.map((r) => [r.region_code, Number(r.n)]));
}
