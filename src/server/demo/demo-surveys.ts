import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import { DomainError } from '../http/errors.js';
import { CatalogueCache } from '../modules/catalogue/index.js';
import { demoSurveysRepository, surveyServices } from '../modules/surveys/index.js';
import type { ServiceContext } from '../services.js';

/** The demo's ratings of the satisfaction question, 1–5: mostly satisfied, as the article's first place suggests. */
const RATING_WEIGHTS = [0.03, 0.05, 0.1, 0.37, 0.45];
const USED = ['每周', '每月', '很少'];

/**
 * 群众满意度测评 in the demo: one anonymous survey of the demo secretary's community, drawn from
 * the register by its grids, asked by phone (a tenth refuse or cannot be reached, so reserves come
 * in), then closed, so its results and the district's place in the city's ranking show. It runs
 * through the module's own services, as an operator would, in the district's system scope.
 */
export async function buildDemoSurveys(
  ctx: ServiceContext,
  district: string,
  community: string,
): Promise<void> {
  const scope = new Scope([district], ctx.database.dialect);
  const { surveys, draws, answers } = surveyServices(ctx, new CatalogueCache(ctx));
  const random = seededRandom(Number(district) + 30);
  const id = await surveys.create(
    scope,
    {
      title: '2026年度群众满意度测评',
      description: '请对社区党组织和网格服务作出评价，匿名填写。',
      regionCode: community,
      anonymous: true,
      source: 'register',
      sampleSize: 60,
      reservePercent: 50,
      contactWindowDays: 90,
      seed: `demo-${district}`,
      questions: [
        { kind: 'single', text: '您多久和网格员联系一次？', options: USED, required: true },
        {
          kind: 'multiple',
          text: '您用过哪些服务？',
          options: ['反映诉求', '入户走访', '爱心银行', '志愿服务'],
          required: true,
        },
        { kind: 'scale', text: '您对社区党组织和网格服务总体满意吗？', options: [], required: true },
        { kind: 'text', text: '您还有什么意见和建议？', options: [], required: false },
      ],
      satisfactionQuestion: 2,
    },
    SYSTEM_ACTOR,
  );
  try {
    await draws.draw(scope, id, SYSTEM_ACTOR);
  } catch (error) {
    // A community too small for the sample (the smallest demo): the survey stays a draft.
    if (error instanceof DomainError) return;
    throw error;
  }
  const { questions, waiting } = await demoSurveysRepository.waitingRows(ctx.database.db, id);
  const [single, multiple, scale] = questions;
  for (let round = 0; round < 3; round++) {
    for (const rowId of round === 0
      ? waiting
      : (await demoSurveysRepository.waitingRows(ctx.database.db, id)).waiting) {
      const roll = random();
      if (round < 2 && roll < 0.1) {
        await answers.interview(
          scope,
          rowId,
          { outcome: roll < 0.05 ? 'refused' : 'unreachable' },
          SYSTEM_ACTOR,
        );
        continue;
      }
      let rating = 1;
      for (let r = random(), i = 0; i < RATING_WEIGHTS.length; i++) {
        r -= RATING_WEIGHTS[i]!;
        if (r <= 0 || i === RATING_WEIGHTS.length - 1) {
          rating = i + 1;
          break;
        }
      }
      await answers.interview(
        scope,
        rowId,
        {
          outcome: 'answered',
          answers: [
            { questionId: single!, choices: [Math.floor(random() * USED.length)] },
            {
              questionId: multiple!,
              choices: [0, ...(random() < 0.5 ? [1] : []), ...(random() < 0.3 ? [2] : [])],
            },
            { questionId: scale!, scale: rating },
          ],
        },
        SYSTEM_ACTOR,
      );
    }
  }
  await surveys.close(scope, id, SYSTEM_ACTOR);
}
