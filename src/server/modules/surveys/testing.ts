import { type SurveyDetail, surveyDetailSchema } from '../../../shared/api/surveys.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';

/** Fixtures of satisfaction-survey tests (kept out of index.ts). */

/** A valid design: a single choice, a multiple choice, the satisfaction scale and an optional text. */
export const surveyBody = (regionCode: string, overrides: Record<string, unknown> = {}) => ({
  title: '2026年群众满意度测评',
  description: '请对社区服务作出评价',
  regionCode,
  anonymous: false,
  source: 'register',
  sampleSize: 10,
  reservePercent: 50,
  contactWindowDays: 90,
  seed: 'seed-1',
  questions: [
    { kind: 'single', text: '您多久和网格员联系一次？', options: ['每周', '每月', '很少'] },
    { kind: 'multiple', text: '您用过哪些服务？', options: ['工单', '走访', '爱心银行'] },
    { kind: 'scale', text: '您对社区服务总体满意吗？' },
    { kind: 'text', text: '您还有什么建议？', required: false },
  ],
  satisfactionQuestion: 2,
  ...overrides,
});

/** Answers to `surveyBody`'s questions with the satisfaction rating given. */
export const answersTo = (survey: SurveyDetail, rating: number) => [
  { questionId: survey.questions[0]!.id, choices: [1] },
  { questionId: survey.questions[1]!.id, choices: [0, 2] },
  { questionId: survey.questions[2]!.id, scale: rating },
];

/**
 * Grids of a community with exactly these numbers of adults on the register (everyone made an
 * adult, so a grid's population is the number asked for); answers the grid codes in order.
 */
export async function gridsWithAdults(env: TestEnv, community: string, sizes: number[]): Promise<string[]> {
  const grids: string[] = [];
  for (const size of sizes) {
    const { gridCode } = await createResidents(env, community, size);
    await env.database.db
      .updateTable('persons')
      .set({ birth_date: '1980-05-01', status: 'active' })
      .where('region_code', 'like', `${gridCode}%`)
      .execute();
    grids.push(gridCode);
  }
  return grids;
}

export async function createSurvey(env: TestEnv, cookie: string, body: object): Promise<SurveyDetail> {
  const created = await env.inject('POST', '/api/surveys', { cookie, body });
  if (created.status !== 201) throw new Error(`survey: ${created.raw.payload}`);
  return created.body(surveyDetailSchema);
}

export async function drawSurvey(env: TestEnv, cookie: string, id: string): Promise<SurveyDetail> {
  const drawn = await env.inject('POST', `/api/surveys/${id}/draw`, { cookie });
  if (drawn.status !== 200) throw new Error(`draw: ${drawn.raw.payload}`);
  return drawn.body(surveyDetailSchema);
}

/** The authorization matrix's survey: a drawn one over a grid of three adults, and one sample row. */
export async function surveyMatrixFixture(
  env: TestEnv,
  admin: string,
  community: string,
): Promise<{ survey: string; sample: string }> {
  const [grid] = await gridsWithAdults(env, community, [3]);
  const survey = await createSurvey(env, admin, surveyBody(grid!, { sampleSize: 2, contactWindowDays: 0 }));
  await drawSurvey(env, admin, survey.id);
  const row = await env.database.db
    .selectFrom('survey_sample')
    .select('id')
    .where('survey_id', '=', survey.id)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { survey: survey.id, sample: row.id };
}
