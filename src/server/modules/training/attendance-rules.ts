import type { AttendanceStatus } from './training.tables.js';

/**
 * How attendance counts, in one place (the roster, the warning, completion and the tests use it).
 * A session is the trainee's when it ended after they got their place: whoever enrolls late is
 * never absent from sessions held before. Of their sessions, those begun by `asOf` or already
 * marked count; an excused one counts neither way; one begun and never marked counts as absent.
 */
export interface SessionTimes {
  id: string;
  starts_at: string;
  ends_at: string;
}

export const isTheirs = (session: SessionTimes, placedAt: string | null): boolean =>
  placedAt !== null && Date.parse(session.ends_at) > Date.parse(placedAt);

export function attendanceShare(
  sessions: readonly SessionTimes[],
  marks: ReadonlyMap<string, AttendanceStatus>,
  placedAt: string | null,
  asOf: Date | 'all',
): { attended: number; counted: number; pct: number | null } {
  let attended = 0;
  let counted = 0;
  for (const session of sessions) {
    if (!isTheirs(session, placedAt)) continue;
    const mark = marks.get(session.id);
    const begun = asOf === 'all' || Date.parse(session.starts_at) <= asOf.getTime();
    if (!begun && mark === undefined) continue;
    if (mark === 'excused') continue;
    counted += 1;
    if (mark === 'present' || mark === 'late') attended += 1;
  }
  return { attended, counted, pct: counted === 0 ? null : Math.floor((attended * 100) / counted) };
}

/** The completion rule: attended at least the course's share and, with an assessment, passed it. */
export function completes(
  course: { completion_pct: number; has_assessment: number },
  share: { attended: number; counted: number },
  assessment: 'passed' | 'failed' | null,
): boolean {
  const enough = share.counted > 0 && share.attended * 100 >= course.completion_pct * share.counted;
  return enough && (course.has_assessment === 0 || assessment === 'passed');
}

/** A code check-in within ten minutes of the start is on time; later it is late. */
export const LATE_AFTER_MS = 10 * 60_000;
/** Trainees may check in with the code from half an hour before a session until it ends. */
export const EARLY_CHECK_IN_MS = 30 * 60_000;
