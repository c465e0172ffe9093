import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { candidatesRepository } from './candidates.repository.js';
import { listOf } from './jobs.dto.js';
import type { JobView } from './jobs.repository.js';
import { byFit, type JobSide, type Scored, type SeekerSide, scoreMatch } from './matching.js';
import { type SeekerView, seekersRepository } from './seekers.repository.js';

/**
 * The exact top N seekers for a job without scoring the district: the same list, in the same
 * order, as scoring every active seeker in scope and sorting them (`fullScanSeekers`, which a test
 * and `npm run bench -- matching` compare it with).
 *
 * Why it is exact: a seeker holding m of the job's k skills gets round(50·m/k) skill points, and
 * distance, pay, education and the 零就业家庭 mark add at most 25 + 15 + 10 + 5 = 55 more. The
 * seekers are taken in tiers of m, highest first (each tier found on job_seeker_skills' index);
 * after tier m, once N seekers are held and the N-th scores at least round(50·(m−1)/k) + 55, no
 * seeker of a lower tier can enter: at best it ties, and a tie goes to the one with more skills
 * matched (matching.ts `byFit`). A job asking skills matches only seekers sharing one (the rule
 * matching had before; the full scan drops the others too); a job asking none reads everybody.
 *
 * Distance is not used as a bound: when both sides have coordinates the straight line decides the
 * distance points, and a seeker of another street may live 500 m away, so a region-prefix filter
 * would not be exact. Within a tier, the 零就业家庭 mark (a query on the household) is looked up
 * only for seekers whose score without it, plus 5, can still reach the N-th place.
 */
export interface RankedSeeker {
  id: string;
  view: SeekerView;
  scored: Scored;
}

export interface TopSeekers {
  ranked: RankedSeeker[];
  /** How many seekers were scored (the bench reports it next to the district's size). */
  scored: number;
}

/** Most points a seeker can get besides skills: distance 25, pay 15, education 10, priority 5. */
const MOST_BESIDES_SKILLS = 55;
const PRIORITY = 5;
/** Person ids per marks query (well under both databases' bound-parameter limits). */
const MARKS_BATCH = 2_000;

export const jobSideOf = (j: JobView): JobSide => ({
  skills: [...new Set(listOf(j.skills))],
  education: j.education,
  salaryMaxFen: j.salary_max_fen,
  regionCode: j.region_code,
  latitude: j.latitude === null ? null : Number(j.latitude),
  longitude: j.longitude === null ? null : Number(j.longitude),
});

export const seekerSideOf = (s: SeekerView, priority: boolean): SeekerSide => ({
  skills: listOf(s.skills),
  education: s.education,
  expectedSalaryFen: s.expected_salary_fen,
  regionCode: s.region_code,
  latitude: s.latitude === null ? null : Number(s.latitude),
  longitude: s.longitude === null ? null : Number(s.longitude),
  priority,
});

const skillPoints = (m: number, k: number) => (k === 0 ? 50 : Math.round((50 * m) / k));

async function priorityOf(db: Executor, personIds: readonly string[], today: string): Promise<Set<string>> {
  const marked = new Set<string>();
  for (let i = 0; i < personIds.length; i += MARKS_BATCH) {
    const marks = await candidatesRepository.marksOf(db, personIds.slice(i, i + MARKS_BATCH), today);
    for (const [id, m] of marks) if (m.zeroEmployment) marked.add(id);
  }
  return marked;
}

/**
 * Adds one tier's seekers to the list held so far and keeps the best `limit`. Marks are read only
 * for seekers that can still reach the cut: score without the mark + 5 ≥ the limit-th lower bound.
 */
async function mergeTier(
  db: Executor,
  job: JobSide,
  held: RankedSeeker[],
  tier: readonly SeekerView[],
  limit: number,
  today: string,
): Promise<RankedSeeker[]> {
  const plain = tier.map((view) => ({
    id: view.id,
    view,
    scored: scoreMatch(job, seekerSideOf(view, false)),
  }));
  const floors = [...held.map((r) => r.scored.score), ...plain.map((r) => r.scored.score)].sort(
    (a, b) => b - a,
  );
  const cut = floors.length >= limit ? floors[limit - 1]! : Number.NEGATIVE_INFINITY;
  const hopeful = plain.filter((r) => r.scored.score + PRIORITY >= cut);
  const marked = await priorityOf(
    db,
    hopeful.map((r) => r.view.person_id),
    today,
  );
  const rescored = hopeful.map((r) =>
    marked.has(r.view.person_id) ? { ...r, scored: scoreMatch(job, seekerSideOf(r.view, true)) } : r,
  );
  return [...held, ...rescored].sort(byFit).slice(0, limit);
}

export async function topSeekers(
  db: Executor,
  scope: Scope,
  job: JobView,
  limit: number,
  today: string,
  options: { alertable?: boolean } = {},
): Promise<TopSeekers> {
  const side = jobSideOf(job);
  const k = side.skills.length;
  let held: RankedSeeker[] = [];
  let scored = 0;
  // A job asking skills matches only seekers sharing one (as before); a job asking none, everybody.
  const lowest = k === 0 ? 0 : 1;
  for (let m = k; m >= lowest; m -= 1) {
    const tier = await seekersRepository.sharingSkills(
      db,
      scope,
      job.district_code,
      side.skills,
      m,
      options.alertable ?? false,
    );
    scored += tier.length;
    held = await mergeTier(db, side, held, tier, limit, today);
    if (m === lowest) break;
    const nth = held[limit - 1];
    if (nth && nth.scored.score >= skillPoints(m - 1, k) + MOST_BESIDES_SKILLS) break;
  }
  return { ranked: held, scored };
}

/** Every active seeker in scope scored and sorted: the reference the top-N path must equal. */
export async function fullScanSeekers(
  db: Executor,
  scope: Scope,
  job: JobView,
  limit: number,
  today: string,
): Promise<TopSeekers> {
  const side = jobSideOf(job);
  const all = await seekersRepository.sharingSkills(db, scope, job.district_code, [], 0);
  const marked = await priorityOf(
    db,
    all.map((s) => s.person_id),
    today,
  );
  const ranked = all
    .map((view) => ({
      id: view.id,
      view,
      scored: scoreMatch(side, seekerSideOf(view, marked.has(view.person_id))),
    }))
    .filter((r) => side.skills.length === 0 || r.scored.reasons.skillsMatched.length > 0)
    .sort(byFit)
    .slice(0, limit);
  return { ranked, scored: all.length };
}
