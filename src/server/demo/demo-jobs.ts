import { v7 as uuidv7 } from 'uuid';
import { EDUCATION_LEVELS } from '../../shared/api/jobs.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { creditCodeCheckChar } from '../../shared/validators/index.js';
import { pick, seededRandom } from '../fixtures/resident-rows.js';
import { demoJobsRepository } from '../modules/jobs/index.js';
import type { ServiceContext } from '../services.js';

const DAY = 86_400_000;

const KINDS = ['机械厂', '物流公司', '食品厂', '物业公司', '汽车配件厂', '家政服务中心', '超市', '建筑公司'];
/** Jobs of the district's enterprises, with the skills they ask (平房's industry: machining, logistics, services). */
const JOBS: { title: string; skills: string[]; education: (typeof EDUCATION_LEVELS)[number]; pay: number }[] =
  [
    { title: '数控车床操作工', skills: ['数控', '机加'], education: 'senior', pay: 5000 },
    { title: '电焊工', skills: ['焊工', '机加'], education: 'junior', pay: 5500 },
    { title: '叉车司机', skills: ['叉车', '驾驶'], education: 'junior', pay: 4500 },
    { title: '汽车维修工', skills: ['汽车修理', '电工'], education: 'senior', pay: 5000 },
    { title: '保洁员', skills: ['保洁'], education: 'none', pay: 2600 },
    { title: '保安员', skills: ['保安'], education: 'junior', pay: 3000 },
    { title: '仓库管理员', skills: ['仓储', '电脑操作'], education: 'senior', pay: 3800 },
    { title: '面点师', skills: ['面点', '烹饪'], education: 'junior', pay: 4000 },
    { title: '养老护理员', skills: ['护理', '家政'], education: 'junior', pay: 3500 },
    { title: '维修电工', skills: ['电工'], education: 'senior', pay: 5200 },
  ];
const SKILLS = [...new Set(JOBS.flatMap((j) => j.skills))];
const AVAILABILITY = ['immediate', 'within_month', 'part_time'] as const;

/**
 * 就业服务 in the demo: a few enterprises per street with open jobs (a tenth of them 公益性岗位),
 * the register's candidates registered as seekers (skills, expectations, their grid's worker as
 * case worker), and recommendations in every state, some hired. Counters are recounted after.
 */
export async function buildDemoJobs(ctx: ServiceContext, district: string): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 18);
  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const today = beijingDate(now);
  const communities = await demoJobsRepository.communities(db, district);
  if (communities.length === 0) return;
  const candidates = await demoJobsRepository.candidates(db, district, today, 3000);

  const enterprises = communities
    .filter((_, i) => i % 3 === 0)
    .map((c, i) => {
      const first17 = `91${district}MA${String(i).padStart(2, '0')}${String(Math.floor(random() * 1e5)).padStart(5, '0')}`;
      return {
        id: uuidv7(),
        district_code: district,
        region_code: c.code,
        name: `平房${pick<string>(random, '新兴华盛东方宏达金鼎')}${KINDS[i % KINDS.length]}`,
        credit_code: first17 + creditCodeCheckChar(first17),
        address: '',
        created_at: at,
        updated_at: at,
      };
    });
  const jobs = enterprises.flatMap((e) =>
    [0, 1, 2].map(() => {
      const kind = pick(random, JOBS);
      return {
        id: uuidv7(),
        district_code: district,
        region_code: e.region_code,
        enterprise_id: e.id,
        title: kind.title,
        description: '',
        openings: 1 + Math.floor(random() * 5),
        filled: 0,
        skills: JSON.stringify(kind.skills),
        education: kind.education,
        salary_min_fen: kind.pay * 100,
        salary_max_fen: Math.round(kind.pay * 1.4) * 100,
        latitude: null,
        longitude: null,
        valid_until: beijingDate(now + (20 + Math.floor(random() * 70)) * DAY),
        public_service: random() < 0.1 ? 1 : 0,
        status: 'open' as 'open' | 'filled',
        created_by: null,
        created_at: at,
        updated_at: at,
      };
    }),
  );
  const seekers = candidates
    .filter(() => random() < 0.6)
    .map((p) => {
      const skills = [...new Set([pick(random, SKILLS), pick(random, SKILLS)])];
      return {
        id: uuidv7(),
        district_code: district,
        region_code: p.region_code,
        person_id: p.id,
        skills: JSON.stringify(skills),
        wanted_jobs: JSON.stringify([]),
        education: pick(random, EDUCATION_LEVELS.slice(1, 5)),
        expected_salary_fen: random() < 0.8 ? (25 + Math.floor(random() * 35)) * 10_000 : null,
        availability: pick(random, AVAILABILITY),
        case_worker_id: p.worker,
        latitude: p.latitude,
        longitude: p.longitude,
        status: 'active' as 'active' | 'placed',
        refusals_without_cause: 0,
        registered_on: beijingDate(now - Math.floor(random() * 90) * DAY),
        created_at: at,
        updated_at: at,
      };
    });
  // A few recommendations per job among seekers sharing a skill, in every state; some hired.
  const recommendations: Parameters<typeof demoJobsRepository.insertRecommendations>[1] = [];
  for (const job of jobs) {
    const asked = JSON.parse(job.skills) as string[];
    const fitting = seekers.filter(
      (s) => s.status === 'active' && (JSON.parse(s.skills) as string[]).some((k) => asked.includes(k)),
    );
    for (const seeker of fitting.slice(0, 3)) {
      const roll = random();
      const hired = roll < 0.25 && job.filled < job.openings;
      const status = hired ? 'hired' : roll < 0.5 ? 'interviewing' : roll < 0.6 ? 'declined' : 'recommended';
      if (hired) {
        job.filled += 1;
        if (job.filled >= job.openings) job.status = 'filled';
        seeker.status = 'placed';
      }
      const decided =
        hired || status === 'declined' ? new Date(now - Math.floor(random() * 20) * DAY).toISOString() : null;
      recommendations.push({
        id: uuidv7(),
        district_code: district,
        region_code: seeker.region_code,
        job_id: job.id,
        seeker_id: seeker.id,
        enterprise_id: job.enterprise_id,
        status,
        interview_at: status === 'interviewing' ? new Date(now + 2 * DAY).toISOString() : null,
        refusal_cause: null,
        note: '',
        recommended_by: seeker.case_worker_id,
        decided_by: null,
        decided_at: decided,
        created_at: at,
        updated_at: at,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    await demoJobsRepository.insertEnterprises(trx, enterprises);
    await demoJobsRepository.insertJobs(trx, jobs);
    await demoJobsRepository.insertSeekers(trx, seekers);
    await demoJobsRepository.insertRecommendations(trx, recommendations);
  });
}
