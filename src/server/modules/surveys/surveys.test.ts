import { beforeAll, expect, it } from 'vitest';
import { samplePageSchema, surveyDetailSchema } from '../../../shared/api/surveys.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createSurvey, drawSurvey, gridsWithAdults, surveyBody } from './testing.js';

describeEachDialect('satisfaction surveys: design, draw, strata, reserves, cap', (env) => {
  let secretary: string;
  let grids: string[];

  beforeAll(async () => {
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    // Three grids of 12, 6 and 2 adults: n = 10 splits 6 / 3 / 1 in proportion.
    grids = await gridsWithAdults(env, QINGNIAN, [12, 6, 2]);
  });

  const sampleOf = async (id: string) => {
    const read = await env.inject('GET', `/api/surveys/${id}/sample?limit=200`, { cookie: secretary });
    return read.body(samplePageSchema).items;
  };

  it('refuses a bad design, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ regionCode: 'abc' }, 'regionCode'],
      [{ sampleSize: 0 }, 'sampleSize'],
      [{ questions: [] }, 'questions'],
      [
        { questions: [{ kind: 'single', text: '只有一个选项？', options: ['是'] }], satisfactionQuestion: 0 },
        'questions.0.options',
      ],
      [
        {
          questions: [{ kind: 'scale', text: '评分题不设选项', options: ['a', 'b'] }],
          satisfactionQuestion: 0,
        },
        'questions.0.options',
      ],
      [{ satisfactionQuestion: 3 }, 'satisfactionQuestion'],
      [{ satisfactionQuestion: 9 }, 'satisfactionQuestion'],
      [{ source: 'work_orders' }, 'periodFrom'],
      [{ source: 'work_orders', periodFrom: '2026-03-01', periodTo: '2026-02-01' }, 'periodTo'],
      [{ source: 'work_orders', periodFrom: '2026-02-30', periodTo: '2026-03-01' }, 'periodFrom'],
      [{ contactWindowDays: -1 }, 'contactWindowDays'],
      [{ anonymous: 'yes' }, 'anonymous'],
    ];
    for (const [overrides, field] of cases) {
      const refused = await env.inject('POST', '/api/surveys', {
        cookie: secretary,
        body: surveyBody(QINGNIAN, overrides),
      });
      expect(refused.status, field).toBe(400);
      expect(
        refused.error.fields?.map((f) => f.path),
        field,
      ).toContain(field);
    }
    expect(await env.countRows('surveys')).toBe(0);
  });

  it('answers 403 without survey permissions and 404 outside the scope', async () => {
    const survey = await createSurvey(env, secretary, surveyBody(QINGNIAN));
    const worker = (await env.loginAs({ role: 'grid_worker', regionCode: grids[0]! })).cookie;
    expect((await env.inject('GET', '/api/surveys', { cookie: worker })).status).toBe(403);
    expect(
      (await env.inject('POST', '/api/surveys', { cookie: worker, body: surveyBody(QINGNIAN) })).status,
    ).toBe(403);
    const auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', `/api/surveys/${survey.id}`, { cookie: auditor })).status).toBe(200);
    expect((await env.inject('POST', `/api/surveys/${survey.id}/draw`, { cookie: auditor })).status).toBe(
      403,
    );
    const outsider = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    for (const [method, url] of [
      ['GET', `/api/surveys/${survey.id}`],
      ['GET', `/api/surveys/${survey.id}/sample`],
      ['GET', `/api/surveys/${survey.id}/results`],
      ['POST', `/api/surveys/${survey.id}/draw`],
      ['POST', `/api/surveys/${survey.id}/close`],
    ] as const) {
      const answer = await env.inject(method, url, { cookie: outsider });
      expect(answer.status, url).toBe(404);
      expect(answer.error.code).toBe('survey.not_found');
    }
    const elsewhere = await env.inject('POST', '/api/surveys', {
      cookie: outsider,
      body: surveyBody(QINGNIAN),
    });
    expect(elsewhere.status).toBe(404);
    expect((await env.inject('GET', `/api/surveys?region=${QINGNIAN}`, { cookie: outsider })).status).toBe(
      404,
    );
  });

  it('gives every grid its proportional quota, at least one, summing to n, with reserves after it', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, { seed: 'strata', contactWindowDays: 0 }),
    );
    const tooSmall = await createSurvey(env, secretary, surveyBody(QINGNIAN, { sampleSize: 2 }));
    const refused = await env.inject('POST', `/api/surveys/${tooSmall.id}/draw`, { cookie: secretary });
    expect(refused.status).toBe(400);
    expect(refused.error.fields?.[0]?.path).toBe('sampleSize');
    const tooLarge = await createSurvey(env, secretary, surveyBody(QINGNIAN, { sampleSize: 21 }));
    expect((await env.inject('POST', `/api/surveys/${tooLarge.id}/draw`, { cookie: secretary })).status).toBe(
      400,
    );

    const drawn = await drawSurvey(env, secretary, survey.id);
    expect(drawn.status).toBe('open');
    expect(drawn.strata.map((s) => [s.regionCode, s.population, s.quota, s.reserves])).toEqual([
      [grids[0], 12, 6, 3],
      [grids[1], 6, 3, 2],
      [grids[2], 2, 1, 1],
    ]);
    expect(drawn.strata.reduce((sum, s) => sum + s.quota, 0)).toBe(10);
    const rows = await sampleOf(survey.id);
    for (const stratum of drawn.strata) {
      const mine = rows.filter((r) => r.stratumCode === stratum.regionCode);
      expect(mine.filter((r) => r.status === 'waiting').map((r) => r.position)).toEqual(
        Array.from({ length: stratum.quota }, (_, i) => i + 1),
      );
      expect(mine.filter((r) => r.status === 'reserve').length).toBe(stratum.reserves);
    }
    // Names and numbers are masked in the list.
    expect(rows.every((r) => /^.\**$/u.test(r.name))).toBe(true);
    // Drawn once: the design stays, a second draw is refused.
    expect((await env.inject('POST', `/api/surveys/${survey.id}/draw`, { cookie: secretary })).status).toBe(
      409,
    );
    const change = await env.inject('PUT', `/api/surveys/${survey.id}`, {
      cookie: secretary,
      body: surveyBody(QINGNIAN),
    });
    expect(change.status).toBe(409);
    expect(change.error.code).toBe('survey.not_draft');
  });

  it('brings reserves in, in the drawn order, for refusals and the unreachable', async () => {
    const survey = await createSurvey(
      env,
      secretary,
      surveyBody(QINGNIAN, { seed: 'reserves', contactWindowDays: 0 }),
    );
    await drawSurvey(env, secretary, survey.id);
    const grid = grids[0]!;
    const before = (await sampleOf(survey.id)).filter((r) => r.stratumCode === grid);
    const first = before.find((r) => r.position === 1)!;
    const second = before.find((r) => r.position === 2)!;
    // Failing inputs first: answers with a refusal, none with an answer, a bad outcome.
    for (const [body, field] of [
      [{ outcome: 'refused', answers: [{ questionId: survey.questions[2]!.id, scale: 3 }] }, 'answers'],
      [{ outcome: 'answered' }, 'answers'],
      [{ outcome: 'maybe' }, 'outcome'],
    ] as const) {
      const refused = await env.inject('POST', `/api/survey-sample/${first.id}/interview`, {
        cookie: secretary,
        body,
      });
      expect(refused.status).toBe(400);
      expect(refused.error.fields?.[0]?.path).toBe(field);
    }
    const reserve = before.find((r) => r.position === 7)!;
    expect(
      (
        await env.inject('POST', `/api/survey-sample/${reserve.id}/interview`, {
          cookie: secretary,
          body: { outcome: 'refused' },
        })
      ).status,
    ).toBe(409);

    await env.inject('POST', `/api/survey-sample/${first.id}/interview`, {
      cookie: secretary,
      body: { outcome: 'refused' },
    });
    await env.inject('POST', `/api/survey-sample/${second.id}/interview`, {
      cookie: secretary,
      body: { outcome: 'unreachable' },
    });
    const after = (await sampleOf(survey.id)).filter((r) => r.stratumCode === grid);
    const status = (position: number) => after.find((r) => r.position === position)!.status;
    expect([status(1), status(2), status(7), status(8), status(9)]).toEqual([
      'refused',
      'unreachable',
      'waiting',
      'waiting',
      'reserve',
    ]);
    const detail = (await env.inject('GET', `/api/surveys/${survey.id}`, { cookie: secretary })).body(
      surveyDetailSchema,
    );
    expect(detail.strata.find((s) => s.regionCode === grid)!.reservesUsed).toBe(2);
    // A row that has its outcome cannot take another.
    const again = await env.inject('POST', `/api/survey-sample/${first.id}/interview`, {
      cookie: secretary,
      body: { outcome: 'unreachable' },
    });
    expect(again.status).toBe(409);
  });

  it('draws the same people from the same seed, and others from another seed', async () => {
    const people = async (seed: string) => {
      const survey = await createSurvey(env, secretary, surveyBody(QINGNIAN, { seed, contactWindowDays: 0 }));
      await drawSurvey(env, secretary, survey.id);
      return (await sampleOf(survey.id)).map((r) => `${r.stratumCode}/${r.position}/${r.personId}`);
    };
    const once = await people('same-seed');
    expect(once.length).toBe(16);
    expect(await people('same-seed')).toEqual(once);
    expect(await people('another-seed')).not.toEqual(once);
  });

  it('leaves out residents contacted within the window, counting them', async () => {
    const [grid] = await gridsWithAdults(env, SHANGHAI_XINCUN, [8]);
    const admin = await env.loginAdmin();
    const first = await createSurvey(
      env,
      admin,
      surveyBody(grid!, { sampleSize: 3, reservePercent: 0, seed: 'a' }),
    );
    await drawSurvey(env, admin, first.id);
    const contacted = (await env.inject('GET', `/api/surveys/${first.id}/sample`, { cookie: admin }))
      .body(samplePageSchema)
      .items.map((r) => r.personId);
    const second = await createSurvey(
      env,
      admin,
      surveyBody(grid!, { sampleSize: 5, reservePercent: 0, seed: 'a' }),
    );
    const drawn = await drawSurvey(env, admin, second.id);
    expect(drawn.capped).toBe(3);
    expect(drawn.strata[0]!.population).toBe(5);
    const again = (await env.inject('GET', `/api/surveys/${second.id}/sample`, { cookie: admin })).body(
      samplePageSchema,
    ).items;
    expect(again.filter((r) => contacted.includes(r.personId))).toEqual([]);
    // Everyone left is contacted now: a third draw has nobody.
    const third = await createSurvey(env, admin, surveyBody(grid!, { sampleSize: 1 }));
    const nobody = await env.inject('POST', `/api/surveys/${third.id}/draw`, { cookie: admin });
    expect(nobody.status).toBe(409);
    expect(nobody.error.code).toBe('survey.nobody_to_draw');
    // Past the window they may be drawn again.
    env.advanceMinutes(91 * 24 * 60);
    expect((await drawSurvey(env, await env.loginAdmin(), third.id)).capped).toBe(0);
    env.advanceMinutes(-91 * 24 * 60);
  });
});
