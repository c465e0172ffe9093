import { v7 as uuidv7 } from 'uuid';
import { beijingDate } from '../../shared/beijing-time.js';
import { pick, seededRandom } from '../fixtures/resident-rows.js';
import { demoJobsRepository } from '../modules/jobs/index.js';
import { demoTrainingRepository } from '../modules/training/index.js';
import type { ServiceContext } from '../services.js';

const DAY = 86_400_000;
const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The article's figures: 208 entrepreneurs trained (SYB) and 1,437 laid-off workers trained. */
export const DEMO_SYB_TRAINED = 208;
export const DEMO_VOCATIONAL_TRAINED = 1437;
const CAPACITY = 30;
const SESSIONS = 6;

const VOCATIONAL: { title: string; skills: string[] }[] = [
  { title: '数控车床操作', skills: ['数控', '机加'] },
  { title: '机加焊接', skills: ['焊工', '机加'] },
  { title: '汽车修理', skills: ['汽车修理', '电工'] },
  { title: '维修电工', skills: ['电工'] },
  { title: '中式面点', skills: ['面点', '烹饪'] },
  { title: '养老护理员', skills: ['护理', '家政'] },
];
const OUTCOMES = ['employed', 'employed', 'business', 'neither'] as const;

/**
 * 职业培训 in the demo: past courses, each of six sessions, whose trainees completed with a
 * certificate (SYB 创办你的企业 for 208 people, skills courses for 1,437 of the register's
 * candidates), those older than six months followed up; and one SYB course starting next week
 * with places left, for the portal. Written in bulk.
 */
export async function buildDemoTraining(
  ctx: ServiceContext,
  district: string,
  community: string,
): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 24);
  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const pool = await demoJobsRepository.candidates(
    db,
    district,
    beijingDate(now),
    DEMO_SYB_TRAINED + DEMO_VOCATIONAL_TRAINED,
  );
  if (pool.length === 0) return;
  const rows = {
    courses: [] as Parameters<typeof demoTrainingRepository.insert>[1]['courses'],
    sessions: [] as Parameters<typeof demoTrainingRepository.insert>[1]['sessions'],
    enrollments: [] as Parameters<typeof demoTrainingRepository.insert>[1]['enrollments'],
    attendance: [] as Parameters<typeof demoTrainingRepository.insert>[1]['attendance'],
  };
  let next = 0;
  const course = (
    kind: 'entrepreneurship' | 'vocational',
    title: string,
    skills: string[],
    trainees: number,
    startMs: number | null,
  ) => {
    const id = uuidv7();
    const past = startMs !== null && startMs + SESSIONS * 2 * DAY < now;
    const completedOn = past ? beijingDate(startMs + SESSIONS * 2 * DAY) : null;
    rows.courses.push({
      id,
      district_code: district,
      region_code: community,
      title,
      kind,
      description: '',
      place: `${pick<string>(random, ['街道就业服务站', '社区党群服务中心', '区职业技能培训学校'])}`,
      skills: JSON.stringify(skills),
      target_groups: JSON.stringify(
        kind === 'entrepreneurship' ? ['laid_off', 'graduate'] : ['laid_off', 'age_4050'],
      ),
      capacity: CAPACITY,
      has_assessment: kind === 'vocational' ? 1 : 0,
      completion_pct: 80,
      warning_pct: 60,
      status: past ? 'completed' : 'open',
      completed_on: completedOn,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    const first = startMs ?? now + 7 * DAY;
    const sessionIds: { id: string; starts: number }[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      // Tuesdays and Thursdays, roughly: every second or third day, 9:00–11:00 Beijing time.
      const starts = first + s * 2 * DAY + (s % 2) * DAY;
      const sid = uuidv7();
      sessionIds.push({ id: sid, starts });
      rows.sessions.push({
        id: sid,
        district_code: district,
        course_id: id,
        starts_at: new Date(starts).toISOString(),
        ends_at: new Date(starts + 2 * 3_600_000).toISOString(),
        created_at: at,
      });
    }
    for (let t = 0; t < trainees; t++) {
      const person = pool[next++ % pool.length]!;
      const eid = uuidv7();
      let serial: string | null = null;
      if (past) {
        let suffix = '';
        for (let i = 0; i < 6; i++) suffix += SERIAL_ALPHABET[Math.floor(random() * SERIAL_ALPHABET.length)];
        serial = `PX-${district}-${completedOn!.replaceAll('-', '')}-${suffix}`;
      }
      const dueMs = first + SESSIONS * 2 * DAY + 182 * DAY;
      const followed = past && dueMs < now;
      rows.enrollments.push({
        id: eid,
        district_code: district,
        region_code: community,
        person_region_code: person.region_code,
        course_id: id,
        person_id: person.id,
        status: past ? 'completed' : 'enrolled',
        placed_at: new Date(first - 3 * DAY).toISOString(),
        channel: random() < 0.3 ? 'portal' : 'worker',
        assessment: past && kind === 'vocational' ? 'passed' : null,
        attendance_warned: 0,
        completed_on: completedOn,
        certificate_serial: serial,
        follow_up_due_on: past ? beijingDate(dueMs) : null,
        follow_up_outcome: followed ? pick(random, OUTCOMES) : null,
        follow_up_note: followed ? '' : null,
        follow_up_on: followed ? beijingDate(dueMs + DAY) : null,
        follow_up_by: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
      if (!past) continue;
      // Five or six of six sessions attended: everyone completes (the rule asks 80%).
      const missed = random() < 0.4 ? Math.floor(random() * SESSIONS) : -1;
      for (const [i, s] of sessionIds.entries())
        rows.attendance.push({
          session_id: s.id,
          enrollment_id: eid,
          district_code: district,
          status: i === missed ? 'absent' : random() < 0.05 ? 'late' : 'present',
          recorded_via: 'worker',
          recorded_by: null,
          recorded_at: new Date(s.starts + 2 * 3_600_000).toISOString(),
        });
    }
  };
  // Past courses spread over the last two years, a course starting every couple of weeks.
  const courses = [
    ...split(DEMO_SYB_TRAINED).map((n) => ({
      kind: 'entrepreneurship' as const,
      title: 'SYB 创办你的企业',
      skills: ['创业计划书', '市场营销'],
      n,
    })),
    ...split(DEMO_VOCATIONAL_TRAINED).map((n, i) => ({
      kind: 'vocational' as const,
      ...VOCATIONAL[i % VOCATIONAL.length]!,
      n,
    })),
  ];
  for (const [i, c] of courses.entries()) {
    const startMs = now - (30 + ((i * 13) % 700)) * DAY;
    course(c.kind, c.title, c.skills, c.n, startMs - (startMs % DAY) + 1 * 3_600_000);
  }
  course('entrepreneurship', 'SYB 创办你的企业（新一期）', ['创业计划书', '市场营销'], 5, null);
  await db.transaction().execute((trx) => demoTrainingRepository.insert(trx, rows));
}

/** A head count in classes of at most CAPACITY. */
function split(total: number): number[] {
  const out: number[] = [];
  for (let left = total; left > 0; left -= CAPACITY) out.push(Math.min(CAPACITY, left));
  return out;
}
