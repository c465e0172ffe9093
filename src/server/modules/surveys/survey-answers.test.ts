import { beforeAll, expect, it } from 'vitest';
import {
  portalSurveyListSchema,
  rankingSchema,
  samplePageSchema,
  smsResultSchema,
  surveyResultsSchema,
} from '../../../shared/api/surveys.js';
import { workOrderSchema } from '../../../shared/api/work-orders.js';
import { beijingDate } from '../../../shared/beijing-time.js';
import { describeEachDialect, QINGNIAN, type TestEnv } from '../../testing/test-env.js';
import { residentLogin } from '../portal/testing.js';
import { elderlyCareOrder, workOrderWorld } from '../work-orders/testing.js';
import { answersTo, createSurvey, drawSurvey, gridsWithAdults, surveyBody } from './testing.js';

/** The waiting rows of a survey with their register person's phone in clear. */
async function waitingPhones(env: TestEnv, surveyId: string) {
  const rows = await env.database.db
    .selectFrom('survey_sample as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.id', 's.stratum_code', 'p.phone_enc'])
    .where('s.survey_id', '=', surveyId)
    .where('s.status', '=', 'waiting')
    .orderBy('s.stratum_code')
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stratum: r.stratum_code,
    phone: r.phone_enc ? env.ctx.crypto.decrypt('person.phone', r.phone_enc) : null,
  }));
}

describeEachDialect('satisfaction surveys: answers, anonymity, results', (env) => {
  let secretary: string;
  let grids: string[];

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    grids = await gridsWithAdults(env, QINGNIAN, [2, 1]);
    // Every sampled resident needs a number of their own for the portal.
    const people = await env.database.db.selectFrom('persons').select('id').execute();
    for (const [i, person] of people.entries()) {
      const phone = `1370000${String(1000 + i)}`;
      await env.database.db
        .updateTable('persons')
        .set({
          phone_enc: env.ctx.crypto.encrypt('person.phone', phone),
          phone_bidx: env.ctx.crypto.blindIndex('person.phone', phone),
        })
        .where('id', '=', person.id)
        .execute();
    }
  });

  it('takes portal answers from sampled residents only, checking each answer', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, { sampleSize: 3, contactWindowDays: 0 }),
    );
    await drawSurvey(env, secretary, survey.id);
    const [first] = await waitingPhones(env, survey.id);
    const resident = await residentLogin(env, first!.phone!);
    const listed = (await env.inject('GET', '/api/portal/surveys', { cookie: resident })).body(
      portalSurveyListSchema,
    );
    expect(listed.items.map((s) => s.id)).toEqual([survey.id]);

    const url = `/api/portal/surveys/${survey.id}/answers`;
    const q = survey.questions;
    for (const [answers, field] of [
      [[{ questionId: q[0]!.id, choices: [0, 1] }], 'answers.0'],
      [[{ questionId: q[0]!.id, choices: [7] }], 'answers.0.choices'],
      [[{ questionId: q[2]!.id, scale: 6 }], 'answers.0.scale'],
      [[{ questionId: q[3]!.id, scale: 3 }], 'answers.0'],
      [[{ questionId: '00000000-0000-4000-8000-000000000000', scale: 3 }], 'answers.0.questionId'],
      [[...answersTo(survey, 4), { questionId: q[2]!.id, scale: 4 }], 'answers.3.questionId'],
      [answersTo(survey, 4).slice(1), 'answers'],
    ] as const) {
      const refused = await env.inject('POST', url, { cookie: resident, body: { answers } });
      expect(refused.status, field).toBe(400);
      expect(
        refused.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    expect(await env.countRows('survey_responses')).toBe(0);

    const stranger = await residentLogin(env, '13900009999');
    expect(
      (await env.inject('GET', '/api/portal/surveys', { cookie: stranger })).body(portalSurveyListSchema)
        .items,
    ).toEqual([]);
    const notSampled = await env.inject('POST', url, {
      cookie: stranger,
      body: { answers: answersTo(survey, 4) },
    });
    expect(notSampled.status).toBe(404);

    expect(
      (await env.inject('POST', url, { cookie: resident, body: { answers: answersTo(survey, 4) } })).status,
    ).toBe(204);
    const twice = await env.inject('POST', url, {
      cookie: resident,
      body: { answers: answersTo(survey, 5) },
    });
    expect(twice.status).toBe(404);
    expect(
      (await env.inject('GET', '/api/portal/surveys', { cookie: resident })).body(portalSurveyListSchema)
        .items,
    ).toEqual([]);
    // Staff may not answer on the portal, residents may not record interviews.
    expect(
      (await env.inject('POST', url, { cookie: secretary, body: { answers: answersTo(survey, 4) } })).status,
    ).toBe(401);
  });

  it('counts results per region rolled up from the grids, with the Wilson interval', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, { sampleSize: 3, reservePercent: 0, contactWindowDays: 0, seed: 'results' }),
    );
    await drawSurvey(env, secretary, survey.id);
    const rows = await waitingPhones(env, survey.id);
    const ratings = new Map([
      [rows[0]!.id, 5],
      [rows[1]!.id, 2],
      [rows[2]!.id, 4],
    ]);
    for (const row of rows)
      await env.inject('POST', `/api/survey-sample/${row.id}/interview`, {
        cookie: secretary,
        body: { outcome: 'answered', answers: answersTo(survey, ratings.get(row.id)!) },
      });
    const results = (
      await env.inject('GET', `/api/surveys/${survey.id}/results`, { cookie: secretary })
    ).body(surveyResultsSchema);
    // 2 satisfied (4 and 5) of 3: share 0.667, Wilson 95% [0.208, 0.939].
    expect(results.region).toMatchObject({ regionCode: QINGNIAN, n: 3, satisfied: 2 });
    expect(results.region.interval).toEqual({ share: 667, low: 208, high: 939 });
    const satisfiedIn = (grid: string) =>
      rows.filter((r) => r.stratum === grid && ratings.get(r.id)! >= 4).length;
    expect(results.children.map((c) => [c.regionCode, c.n, c.satisfied])).toEqual([
      [grids[0], 2, satisfiedIn(grids[0]!)],
      [grids[1], 1, satisfiedIn(grids[1]!)],
    ]);
    const scale = results.questions[2]!;
    expect(scale.counts.map((c) => c.count)).toEqual([0, 1, 0, 1, 1]);
    expect(results.questions[1]!.counts.map((c) => c.count)).toEqual([3, 0, 3]);
    // A grid's results: the grid alone.
    const grid = (
      await env.inject('GET', `/api/surveys/${survey.id}/results?region=${grids[1]}`, { cookie: secretary })
    ).body(surveyResultsSchema);
    expect(grid.region.n).toBe(1);
    // Not anonymous: each response names its sample row.
    const linked = await env.database.db
      .selectFrom('survey_responses')
      .select('sample_id')
      .where('survey_id', '=', survey.id)
      .execute();
    expect(linked.map((r) => r.sample_id).sort()).toEqual(rows.map((r) => r.id).sort());

    // The city's ranking: the survey counts once it is closed.
    const city = QINGNIAN.slice(0, 4);
    const before = await env.inject('GET', `/api/survey-rankings?city=${city}`, { cookie: secretary });
    expect(before.body(rankingSchema).rows).toEqual([]);
    await env.inject('POST', `/api/surveys/${survey.id}/close`, { cookie: secretary });
    const ranked = await env.inject('GET', `/api/survey-rankings?city=${city}`, { cookie: secretary });
    const body = ranked.body(rankingSchema);
    expect(body.rows.map((r) => [r.regionCode, r.rank, r.n])).toEqual([[QINGNIAN.slice(0, 6), 1, 3]]);
    expect((await env.inject('GET', '/api/survey-rankings?city=23', { cookie: secretary })).status).toBe(400);
    expect((await env.inject('GET', '/api/survey-rankings?city=1101', { cookie: secretary })).status).toBe(
      404,
    );
  });

  it('keeps no link from answer to person in an anonymous survey', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, {
        anonymous: true,
        sampleSize: 3,
        reservePercent: 0,
        contactWindowDays: 0,
        seed: 'anon',
      }),
    );
    await drawSurvey(env, secretary, survey.id);
    const rows = await waitingPhones(env, survey.id);
    await env.inject('POST', `/api/survey-sample/${rows[0]!.id}/interview`, {
      cookie: secretary,
      body: { outcome: 'answered', answers: answersTo(survey, 5) },
    });
    await env.inject('POST', `/api/survey-sample/${rows[1]!.id}/interview`, {
      cookie: secretary,
      body: { outcome: 'answered', answers: answersTo(survey, 3) },
    });
    const resident = await residentLogin(env, rows[2]!.phone!);
    await env.inject('POST', `/api/portal/surveys/${survey.id}/answers`, {
      cookie: resident,
      body: {
        answers: [...answersTo(survey, 1), { questionId: survey.questions[3]!.id, text: '希望多办活动' }],
      },
    });

    const responses = await env.database.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(responses.length).toBe(3);
    const sample = await env.database.db
      .selectFrom('survey_sample')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    // The sample knows only that they answered, on which day.
    expect(sample.filter((r) => r.status === 'answered').length).toBe(3);
    const personal = new Set(sample.flatMap((r) => [r.id, r.person_id, r.phone_bidx, r.contacted_at]));
    for (const response of responses) {
      expect(response.sample_id).toBeNull();
      // A random key (UUID version 4), not a time-ordered one.
      expect(response.id[14]).toBe('4');
      for (const value of Object.values(response)) expect(personal.has(value as string)).toBe(false);
      // Nothing finer than the stratum: the grid that the sample row's stratum names.
      expect(grids).toContain(response.region_code);
    }
    const answers = await env.database.db
      .selectFrom('survey_answers')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(Object.keys(answers[0]!).sort()).toEqual(
      ['choice', 'district_code', 'question_id', 'response_id', 'survey_id', 'text'].sort(),
    );
    // The audit log says who answered, never which response is theirs or what it said.
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['summary', 'target_id'])
      .where('action', 'in', ['survey.answered', 'survey.interview_recorded'])
      .execute();
    const ids = responses.map((r) => r.id);
    for (const row of audit) {
      expect(ids).not.toContain(row.target_id);
      for (const id of ids) expect(String(row.summary)).not.toContain(id);
      expect(String(row.summary)).not.toContain('希望多办活动');
    }
    // Results still count them; fewer than three in a place shows no share there.
    const results = (
      await env.inject('GET', `/api/surveys/${survey.id}/results`, { cookie: secretary })
    ).body(surveyResultsSchema);
    expect(results.region.n).toBe(3);
    expect(results.region.interval.share).toBe(333);
    for (const child of results.children) expect(child.interval.share).toBeNull();
  });

  it('queues a text to each waiting resident with a number, once', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, { sampleSize: 3, contactWindowDays: 0 }),
    );
    const draft = await env.inject('POST', `/api/surveys/${survey.id}/sms`, { cookie: secretary });
    expect(draft.status).toBe(409);
    await drawSurvey(env, secretary, survey.id);
    const sent = await env.inject('POST', `/api/surveys/${survey.id}/sms`, { cookie: secretary });
    expect(sent.body(smsResultSchema).queued).toBe(3);
    expect(
      (await env.inject('POST', `/api/surveys/${survey.id}/sms`, { cookie: secretary })).body(
        smsResultSchema,
      ),
    ).toEqual({
      queued: 0,
    });
    const queued = await env.database.db
      .selectFrom('notifications')
      .select('template')
      .where('template', '=', 'survey_invitation')
      .execute();
    expect(queued.length).toBe(3);
    const rows = (await env.inject('GET', `/api/surveys/${survey.id}/sample`, { cookie: secretary })).body(
      samplePageSchema,
    ).items;
    expect(rows.filter((r) => r.status === 'waiting').every((r) => r.texted)).toBe(true);
  });
});

describeEachDialect('satisfaction surveys of closed orders', (env) => {
  it('reopens a named order on an unsatisfied answer, as a callback does', async () => {
    const world = await workOrderWorld(env);
    const taken = await env.inject('POST', '/api/work-orders', {
      cookie: world.operator.cookie,
      body: elderlyCareOrder(world, { categoryCode: 'policy.general', description: '咨询低保政策' }),
    });
    const order = taken.body(workOrderSchema);
    const closing = await env.inject('POST', `/api/work-orders/${order.id}/actions`, {
      cookie: world.operator.cookie,
      body: { action: 'answer', note: '已电话解答低保申请条件' },
    });
    expect(closing.body(workOrderSchema).status).toBe('closed');
    const today = beijingDate(env.now());
    const survey = await createSurvey(
      env,
      world.secretary.cookie,
      surveyBody(QINGNIAN, { source: 'work_orders', periodFrom: today, periodTo: today, sampleSize: 1 }),
    );
    await drawSurvey(env, world.secretary.cookie, survey.id);
    const [row] = (
      await env.inject('GET', `/api/surveys/${survey.id}/sample`, { cookie: world.secretary.cookie })
    ).body(samplePageSchema).items;
    expect(row!.workOrderId).toBe(order.id);
    expect(row!.phone).toMatch(/\*{4}/);
    const recorded = await env.inject('POST', `/api/survey-sample/${row!.id}/interview`, {
      cookie: world.secretary.cookie,
      body: { outcome: 'answered', answers: answersTo(survey, 1) },
    });
    expect(recorded.status).toBe(200);
    const reopened = await env.database.db
      .selectFrom('work_orders')
      .select(['status', 'reopen_count', 'satisfaction'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(reopened).toEqual({ status: 'in_progress', reopen_count: 1, satisfaction: 'unsatisfied' });
    const event = await env.database.db
      .selectFrom('work_order_events')
      .select(['action', 'from_status', 'to_status', 'data'])
      .where('work_order_id', '=', order.id)
      .where('action', '=', 'callback')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ from_status: 'closed', to_status: 'in_progress' });
    expect(JSON.parse(event.data)).toMatchObject({ satisfaction: 'unsatisfied', by: 'survey' });
    // The handlers hear of it as of any reopened order.
    const told = await env.database.db
      .selectFrom('notifications')
      .select('template')
      .where('work_order_id', '=', order.id)
      .where('template', '=', 'order_reopened')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    // Asked (and so called back) once: the resident is not drawn again within the window.
    const next = await createSurvey(
      env,
      world.secretary.cookie,
      surveyBody(QINGNIAN, { source: 'work_orders', periodFrom: today, periodTo: today, sampleSize: 1 }),
    );
    const nobody = await env.inject('POST', `/api/surveys/${next.id}/draw`, {
      cookie: world.secretary.cookie,
    });
    expect(nobody.error.code).toBe('survey.nobody_to_draw');
  });
});
