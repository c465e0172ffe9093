import type { MatrixRows } from './types.js';

/** A minimal valid survey design over a grid of the community (src/server/modules/surveys). */
const design = (region: string) => ({
  title: '矩阵满意度测评',
  regionCode: region,
  anonymous: true,
  source: 'register',
  sampleSize: 1,
  questions: [{ kind: 'scale', text: '您对社区服务满意吗？' }],
  satisfactionQuestion: 0,
});

/** 群众满意度测评: surveys, their sample and phone interviews, results, the city's ranking, the portal's side. */
export const SURVEYS_ROUTES: MatrixRows = {
  'GET /api/surveys': { access: 'survey.read', target: 'none', scopedBy: { query: 'region' } },
  'POST /api/surveys': {
    access: 'survey.write',
    target: 'none',
    body: (ids) => design(ids.region),
    scopedBy: 'body',
  },
  'GET /api/surveys/:id': { access: 'survey.read', target: 'survey' },
  // The fixture's survey is drawn: any design is refused (409) before its region is looked at.
  'PUT /api/surveys/:id': { access: 'survey.write', target: 'survey', body: () => design('230108001002') },
  'POST /api/surveys/:id/draw': { access: 'survey.write', target: 'survey' },
  'POST /api/surveys/:id/sms': { access: 'survey.write', target: 'survey' },
  'POST /api/surveys/:id/close': { access: 'survey.write', target: 'survey' },
  'GET /api/surveys/:id/results': { access: 'survey.read', target: 'survey' },
  'GET /api/surveys/:id/sample': { access: 'survey.read', target: 'survey' },
  'POST /api/survey-sample/:id/interview': {
    access: 'survey.write',
    target: 'survey_sample',
    body: () => ({ outcome: 'refused' }),
  },
  // The city is a code's first four digits, not a record: the ranking lists the districts in scope.
  'GET /api/survey-rankings': { access: 'survey.read', target: 'none' },
  // The resident's own: only the surveys whose sample names them (the service answers 404 otherwise).
  'GET /api/portal/surveys': { access: 'resident', target: 'none' },
  'POST /api/portal/surveys/:id/answers': { access: 'resident', target: 'none' },
};
