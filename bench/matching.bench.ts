/**
 * bench/matching: the 20 best seekers for a job among 100,000 registered seekers (and 5,000 open
 * jobs) of one district, by the exact top-N path (modules/jobs/top-seekers.ts: skill tiers on
 * job_seeker_skills' index, stopping once no lower tier can enter), against a full scan that scores
 * every seeker, in the same run. The two take turns, one job per round; each round checks that both
 * list the same seekers with the same scores in the same order. Ratio = top-N time ÷ full-scan
 * time, median of the rounds with their spread: target ≤ 0.05.
 *   npm run bench -- matching [--dialect sqlite|postgres] [--rows 100000 (seekers)] [--jobs 5000] [--rounds 7]
 */
import { parseArgs } from 'node:util';
import { type Insertable, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Scope } from '../src/server/auth/scope.js';
import type { DB } from '../src/server/db/tables.js';
import { jobsRepository } from '../src/server/modules/jobs/jobs.repository.js';
import { fullScanSeekers, topSeekers } from '../src/server/modules/jobs/top-seekers.js';
import { EDUCATION_LEVELS } from '../src/shared/api/jobs.js';
import { beijingDate } from '../src/shared/beijing-time.js';
import { creditCodeCheckChar } from '../src/shared/validators/index.js';
import { benchDatabase, median, printResult, round } from './support.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '100000' },
    jobs: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '7' },
  },
  allowPositionals: true,
});
const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
const SEEKERS = Number(values.rows);
const JOBS = Number(values.jobs);
const ROUNDS = Number(values.rounds);
const TOP = 20;
const TARGET = 0.05;
const DISTRICT = '230108';

/** A small deterministic generator: the same data on every run. */
let state = 2026;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** 60 skills, the common ones more often (a few trades are everywhere, most are rarer). */
const SKILLS = Array.from({ length: 60 }, (_, i) => `技能${String(i).padStart(2, '0')}`);
const someSkills = (n: number) => {
  const chosen = new Set<string>();
  while (chosen.size < n) chosen.add(SKILLS[Math.floor(random() ** 1.6 * SKILLS.length)]!);
  return [...chosen];
};

const { handle, ctx } = await benchDatabase(dialect);
const db = handle.database.db;
const started = Date.now();
const places = (
  await db
    .selectFrom('regions')
    .select('code')
    .where('district_code', '=', DISTRICT)
    .where('kind', 'in', ['community', 'village'])
    .execute()
).map((r) => r.code);
process.stdout.write(
  `building ${SEEKERS} seekers and ${JOBS} jobs over ${places.length} communities on ${dialect}…\n`,
);

const now = new Date().toISOString();
const enterpriseId = uuidv7();
const first17 = `91${DISTRICT}MA1000001`;
await db
  .insertInto('enterprises')
  .values({
    id: enterpriseId,
    district_code: DISTRICT,
    region_code: places[0]!,
    name: '压测企业',
    credit_code: first17 + creditCodeCheckChar(first17),
    address: '',
    created_at: now,
    updated_at: now,
  })
  .execute();

// The scan never decrypts: one sealed value serves every row, the blind indexes are unique.
const sealedId = ctx.crypto.encrypt('person.id_number', '230108199001011234');
const sealedPhone = ctx.crypto.encrypt('person.phone', '13900000000');
const BATCH = 2_000;
for (let from = 0; from < SEEKERS; from += BATCH) {
  const persons: Insertable<DB['persons']>[] = [];
  const seekers: Insertable<DB['job_seekers']>[] = [];
  const skills: Insertable<DB['job_seeker_skills']>[] = [];
  for (let i = from; i < Math.min(SEEKERS, from + BATCH); i++) {
    const personId = uuidv7();
    const seekerId = uuidv7();
    const region = pick(places);
    const own = someSkills(1 + Math.floor(random() * 4));
    persons.push({
      id: personId,
      district_code: DISTRICT,
      region_code: region,
      household_id: null,
      name: `求职者${i}`,
      name_pinyin: '',
      name_initials: '',
      gender: i % 2 === 0 ? ('male' as const) : ('female' as const),
      birth_date: `${1970 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`,
      ethnicity: '汉族',
      relation: '户主',
      id_number_enc: sealedId,
      id_number_bidx: `bench${i.toString(16).padStart(27, '0')}`,
      phone_enc: sealedPhone,
      phone_bidx: `bench${i.toString(16).padStart(27, '0')}`,
      phone_last4_bidx: 'bench',
      registered_address: '',
      current_address: '',
      note: '',
      status: 'active' as const,
      row_hash: 'bench',
      created_at: now,
      updated_at: now,
    });
    seekers.push({
      id: seekerId,
      district_code: DISTRICT,
      region_code: region,
      person_id: personId,
      skills: JSON.stringify(own),
      wanted_jobs: '[]',
      education: pick(EDUCATION_LEVELS),
      expected_salary_fen: random() < 0.2 ? null : 200_000 + Math.floor(random() * 8) * 50_000,
      availability: 'immediate' as const,
      case_worker_id: null,
      latitude: null,
      longitude: null,
      status: 'active' as const,
      refusals_without_cause: 0,
      registered_on: now.slice(0, 10),
      created_at: now,
      updated_at: now,
    });
    for (const skill of own) skills.push({ seeker_id: seekerId, skill, district_code: DISTRICT });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < persons.length; i += 250) {
      await trx
        .insertInto('persons')
        .values(persons.slice(i, i + 250))
        .execute();
      await trx
        .insertInto('job_seekers')
        .values(seekers.slice(i, i + 250))
        .execute();
    }
    for (let i = 0; i < skills.length; i += 500)
      await trx
        .insertInto('job_seeker_skills')
        .values(skills.slice(i, i + 500))
        .execute();
  });
}
const validUntil = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
const jobIds: string[] = [];
for (let from = 0; from < JOBS; from += 500) {
  const jobs: Insertable<DB['jobs']>[] = [];
  const skills: Insertable<DB['job_skills']>[] = [];
  for (let i = from; i < Math.min(JOBS, from + 500); i++) {
    const id = uuidv7();
    const own = someSkills(2 + Math.floor(random() * 3));
    const min = 200_000 + Math.floor(random() * 6) * 50_000;
    jobIds.push(id);
    jobs.push({
      id,
      district_code: DISTRICT,
      region_code: pick(places),
      enterprise_id: enterpriseId,
      title: `岗位${i}`,
      description: '',
      openings: 3,
      filled: 0,
      skills: JSON.stringify(own),
      education: pick(EDUCATION_LEVELS.slice(0, 5)),
      salary_min_fen: min,
      salary_max_fen: min + 150_000,
      latitude: null,
      longitude: null,
      valid_until: validUntil,
      public_service: 0,
      status: 'open' as const,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    for (const skill of own) skills.push({ job_id: id, skill, district_code: DISTRICT });
  }
  await db.insertInto('jobs').values(jobs).execute();
  await db.insertInto('job_skills').values(skills).execute();
}
await sql`analyze`.execute(db);
process.stdout.write(`built in ${round((Date.now() - started) / 1000, 1)} s\n`);

const scope = new Scope([DISTRICT], dialect);
const today = beijingDate(new Date());
const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
};
const shape = (r: { ranked: { id: string; scored: { score: number } }[] }) =>
  r.ranked.map((s) => `${s.id}:${s.scored.score}`).join(',');

// One warm-up of each path, then rounds taking turns, a different job each round.
const warm = (await jobsRepository.viewUnscoped(db, jobIds[0]!))!;
await topSeekers(db, scope, warm, TOP, today);
await fullScanSeekers(db, scope, warm, TOP, today);
const topMs: number[] = [];
const fullMs: number[] = [];
const ratios: number[] = [];
const scored: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const job = (await jobsRepository.viewUnscoped(
    db,
    jobIds[Math.floor(((r + 1) * jobIds.length) / (ROUNDS + 1))]!,
  ))!;
  const top = await timed(() => topSeekers(db, scope, job, TOP, today));
  const full = await timed(() => fullScanSeekers(db, scope, job, TOP, today));
  if (shape(top.value) !== shape(full.value))
    throw new Error(`round ${r + 1}: the top ${TOP} differ from the full scan`);
  topMs.push(top.ms);
  fullMs.push(full.ms);
  ratios.push(top.ms / full.ms);
  scored.push(top.value.scored);
  process.stdout.write(
    `round ${r + 1}: top-${TOP} ${round(top.ms)} ms (${top.value.scored} scored), full scan ${round(full.ms)} ms (${full.value.scored}), ratio ${round(top.ms / full.ms, 4)}\n`,
  );
}
await handle.drop();

const ratio = median(ratios);
process.stdout.write(
  `ratio ${ratio.toFixed(4)} (rounds ${Math.min(...ratios).toFixed(4)}–${Math.max(...ratios).toFixed(4)}; target ≤ ${TARGET}); same top ${TOP} as the full scan in every round\n`,
);
printResult({
  bench: 'matching',
  dialect,
  seekers: SEEKERS,
  jobs: JOBS,
  rounds: ROUNDS,
  top: TOP,
  topMs: round(median(topMs)),
  fullScanMs: round(median(fullMs)),
  scoredMedian: median(scored),
  ratio: round(ratio, 4),
  ratioMin: round(Math.min(...ratios), 4),
  ratioMax: round(Math.max(...ratios), 4),
  target: TARGET,
  met: ratio <= TARGET,
  sameAsFullScan: true,
});
