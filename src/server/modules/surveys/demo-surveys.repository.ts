import type { Executor } from '../../db/database.js';

/** What the demo's survey reads to answer it as operators would (src/server/demo/demo-surveys.ts). */
export const demoSurveysRepository = {
  /** The survey's question ids in order, and its rows waiting for a call. */
  waitingRows: async (db: Executor, surveyId: string) => {
    const [questions, rows] = await Promise.all([
      db
        .selectFrom('survey_questions')
        .select('id')
        .where('survey_id', '=', surveyId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('survey_sample')
        .select('id')
        .where('survey_id', '=', surveyId)
        .where('status', '=', 'waiting')
        .orderBy('stratum_code')
        .orderBy('position')
        .execute(),
    ]);
    return { questions: questions.map((q) => q.id), waiting: rows.map((r) => r.id) };
  },
};
