import { v7 as uuidv7 } from 'uuid';
import type { Accrual, PointsRule } from '../../../shared/api/points.js';
import { beijingDate, endOfBeijingDate, startOfBeijingDate } from '../../../shared/beijing-time.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Executor } from '../../db/database.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { studyPassed } from '../bulletins/index.js';
import { meetingPartiesRepository, memberAttendanceRepository } from '../meetings/index.js';
import { memberVisitsRepository } from '../visits/index.js';
import { memberHoursRepository } from '../volunteering/index.js';
import { pointsRepository as repo } from './points.repository.js';
import { type Candidate, ledgerKey, planAccrual } from './points-rules.js';
import { pointsRulesOf } from './points-rules-table.js';

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);

/**
 * What a district's members did in a year that a rule counts, read through the owning modules'
 * exported repositories: confirmed volunteer hours (by the shift's Beijing day), visits recorded
 * by a member's account, meetings attended as present, study courses passed (手机党校, on the
 * Beijing day first passed; a course counts once). Only the active rules' sources are read.
 */
async function candidatesOf(
  db: Executor,
  rules: readonly PointsRule[],
  districtCode: string,
  year: number,
): Promise<Candidate[]> {
  const active = new Set(rules.filter((rule) => rule.active).map((rule) => rule.sourceKind));
  const from = startOfBeijingDate(`${year}-01-01`);
  const to = endOfBeijingDate(`${year}-12-31`);
  const candidates: Candidate[] = [];
  if (active.has('volunteer_hours'))
    for (const row of await memberHoursRepository.confirmedBetween(db, districtCode, from, to))
      candidates.push({
        sourceKind: 'volunteer_hours',
        sourceId: row.signup_id,
        memberId: row.member_id,
        regionCode: row.member_region_code,
        units: row.minutes,
        onDate: beijingDate(row.starts_at),
        reason: `志愿服务「${row.activity_title}」${hoursText(row.minutes)}小时`,
      });
  if (active.has('visits'))
    for (const row of await memberVisitsRepository.recordedBetween(db, districtCode, from, to))
      candidates.push({
        sourceKind: 'visits',
        sourceId: row.visit_id,
        memberId: row.member_id,
        regionCode: row.member_region_code,
        units: 1,
        onDate: beijingDate(row.started_at),
        reason: '入户走访',
      });
  if (active.has('meetings_attended'))
    for (const row of await memberAttendanceRepository.presentBetween(
      db,
      districtCode,
      `${year}-01-01`,
      `${year}-12-31`,
    ))
      candidates.push({
        sourceKind: 'meetings_attended',
        sourceId: row.meeting_id,
        memberId: row.member_id,
        regionCode: row.member_region_code,
        units: 1,
        onDate: row.held_on,
        reason: `参加会议「${row.topic}」`,
      });
  if (active.has('study_passed'))
    for (const row of await studyPassed(db, districtCode, year))
      candidates.push({
        sourceKind: 'study_passed',
        sourceId: row.courseId,
        memberId: row.memberId,
        regionCode: row.regionCode,
        units: 1,
        onDate: beijingDate(row.passedAt),
        reason: `学习课程「${row.courseTitle}」测验通过（${row.bestScore}分）`,
      });
  // By day, then source: the row that reaches a cap is the same whichever database read it.
  return candidates.sort((a, b) =>
    a.onDate === b.onDate ? (a.sourceId < b.sourceId ? -1 : 1) : a.onDate < b.onDate ? -1 : 1,
  );
}

/**
 * Accrues a district's points of a year: the ledger rows its rules give that are not there yet,
 * each rule's yearly cap holding per member. Idempotent (a row is unique per member, kind and
 * source; inserted with ON CONFLICT DO NOTHING), so a re-run, the daily job and the route never
 * count twice. One transaction, begun by taking the district's run row of the year, with one
 * audit row when it added something.
 */
export async function accruePoints(
  ctx: ServiceContext,
  districtCode: string,
  year: number,
  actor: AuditActor,
): Promise<Accrual> {
  const now = ctx.now().toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    await repo.holdRun(trx, districtCode, year, now);
    const { rules } = await pointsRulesOf(trx, districtCode);
    const candidates = await candidatesOf(trx, rules, districtCode, year);
    const known = new Set<string>();
    const sums = new Map<string, number>();
    for (const row of await repo.accruedOf(trx, districtCode, year)) {
      known.add(`${row.member_id}|${row.source_kind}|${row.source_id}`);
      const key = ledgerKey(row.member_id, row.source_kind);
      sums.set(key, (sums.get(key) ?? 0) + Number(row.points));
    }
    const planned = planAccrual(rules, candidates, known, sums);
    const added = await repo.insertNew(
      trx,
      planned.map((row) => ({
        id: uuidv7(),
        district_code: districtCode,
        region_code: row.regionCode,
        member_id: row.memberId,
        source_kind: row.sourceKind,
        source_id: row.sourceId,
        points: row.points,
        reason: row.reason,
        on_date: row.onDate,
        year,
        created_by: null,
        created_at: now,
      })),
    );
    const points = planned.reduce((sum, row) => sum + row.points, 0);
    if (added > 0)
      await ctx.audit.append(trx, actor, {
        action: 'points.accrued',
        targetType: 'points_ledger',
        targetId: districtCode,
        regionCode: districtCode,
        summary: { year, added, points },
      });
    return { districtCode, year, added, points };
  });
}

/** The scheduler's daily job: the current year's points of every district with organizations. */
export async function accrueAllDistricts(ctx: ServiceContext): Promise<number> {
  const year = Number(beijingDate(ctx.now()).slice(0, 4));
  let added = 0;
  for (const { district_code } of await meetingPartiesRepository.districts(ctx.database.db))
    added += (await accruePoints(ctx, district_code, year, SYSTEM_ACTOR)).added;
  return added;
}
