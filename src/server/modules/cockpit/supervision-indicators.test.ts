import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { complianceSchema } from '../../../shared/api/meetings.js';
import { roundDetailSchema } from '../../../shared/api/reviews.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { beijingToday as fundToday, ledgerOf, makeVoucher, twoLines } from '../funds/testing.js';
import {
  beijingToday,
  fullMeeting,
  meetingWorld,
  previousQuarter,
  quarterOfDay,
  submittedMeeting,
} from '../meetings/testing.js';
import { openRound } from '../reviews/testing.js';
import { answersTo, createSurvey, drawSurvey, gridsWithAdults, surveyBody } from '../surveys/testing.js';
import { rebuildRollups, refreshSnapshots, rollupsRepository } from './index.js';

/*
 * The supervision indicators (issue 14): meeting compliance, review scores, survey satisfaction
 * with its interval, fund balances and spending by kind — each counted from its module's tables
 * by the refresh job, read through the cockpit, and agreeing with a rebuild from the raw tables.
 */
describeEachDialect('the cockpit’s supervision indicators', (env) => {
  let admin = '';
  const cockpit = async () => {
    const response = await env.inject('GET', `/api/cockpit?region=${QINGNIAN}`, { cookie: admin });
    expect(response.status).toBe(200);
    return response.body(cockpitSchema);
  };
  const supervisionRows = async () =>
    (await rollupsRepository.allOf(env.database.db, DISTRICT))
      .filter((row) => /^(meeting|review|survey|fund)\./.test(row.counter))
      .map((row) => ({ ...row, value: Number(row.value) }))
      .sort((a, b) =>
        `${a.counter}${a.region_code}${a.period}`.localeCompare(`${b.counter}${b.region_code}${b.period}`),
      );

  beforeAll(async () => {
    admin = await env.loginAdmin();
  });

  it('reads nothing where nothing was recorded: undefined, not zero', async () => {
    await refreshSnapshots(env.ctx);
    const { values, intervals } = await cockpit();
    expect(values).toMatchObject({ meeting_compliance: null, review_score: null, survey_satisfaction: null });
    expect(values.fund_balance).toBe(0);
    expect(intervals).toEqual({});
  });

  it('meeting compliance: the decided slots of two quarters that were held, as the compliance page counts them', async () => {
    const world = await meetingWorld(env, QINGNIAN, { members: 2 });
    const current = quarterOfDay(beijingToday(env));
    const tally = async () => {
      let due = 0;
      let held = 0;
      for (const quarter of [previousQuarter(current), current]) {
        const r = await env.inject('GET', `/api/meeting-compliance?quarter=${quarter}&region=${QINGNIAN}`, {
          cookie: admin,
        });
        for (const row of r.body(complianceSchema).items)
          for (const slot of row.slots) {
            if (slot.state !== 'open') due += 1;
            if (slot.state === 'held') held += 1;
          }
      }
      return { due, held };
    };
    const before = await tally();
    expect(before.due).toBeGreaterThan(0);
    expect(before.held).toBe(0);
    await refreshSnapshots(env.ctx);
    expect((await cockpit()).values.meeting_compliance).toBe(0);
    // A 支委会 held in the previous quarter fills one missed slot.
    const ids = world.members.map((m) => m.id);
    const firstDay = `${previousQuarter(current).slice(0, 4)}-${String((Number(previousQuarter(current).slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-10`;
    await submittedMeeting(env, admin, fullMeeting(world.branch.id, ids, firstDay));
    const after = await tally();
    expect(after).toEqual({ due: before.due, held: 1 });
    await refreshSnapshots(env.ctx);
    expect((await cockpit()).values.meeting_compliance).toBe(Math.round((1 / after.due) * 1000) / 10);
  });

  it('fund balances and spending by kind, in yuan', async () => {
    const { org, accounts } = await ledgerOf(env, admin, { regionCode: QINGNIAN, name: '青年社区经费账簿' });
    const date = fundToday(env);
    await makeVoucher(env, admin, org.id, twoLines(accounts, '1002', '4101', 50_000, { date }));
    await makeVoucher(
      env,
      admin,
      org.id,
      twoLines(accounts, '5102', '1002', 20_000, {
        date,
        kind: 'spending',
        spendingKind: 'consolation',
        summary: '慰问困难党员',
      }),
    );
    await refreshSnapshots(env.ctx);
    const { values } = await cockpit();
    expect(values).toMatchObject({
      fund_balance: 300,
      fund_spent: 200,
      fund_consolation: 200,
      fund_allowance: 0,
      fund_award: 0,
    });
  });

  it('survey satisfaction with its Wilson interval, once the survey is closed', async () => {
    await gridsWithAdults(env, QINGNIAN, [2, 1]);
    const survey = await createSurvey(
      env,
      admin,
      surveyBody(QINGNIAN, { sampleSize: 3, reservePercent: 0, contactWindowDays: 0, seed: 'cockpit' }),
    );
    await drawSurvey(env, admin, survey.id);
    const rows = await env.database.db
      .selectFrom('survey_sample')
      .select('id')
      .where('survey_id', '=', survey.id)
      .where('status', '=', 'waiting')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const answered = await env.inject('POST', `/api/survey-sample/${row.id}/interview`, {
        cookie: admin,
        body: { outcome: 'answered', answers: answersTo(survey, [5, 2, 4][i]!) },
      });
      expect(answered.status).toBe(200);
    }
    await refreshSnapshots(env.ctx);
    // Still open: not counted.
    expect((await cockpit()).values.survey_satisfaction).toBeNull();
    expect((await env.inject('POST', `/api/surveys/${survey.id}/close`, { cookie: admin })).status).toBe(200);
    await refreshSnapshots(env.ctx);
    const { values, intervals } = await cockpit();
    // 2 of 3 satisfied: 66.7%, Wilson 95% [20.8%, 93.9%].
    expect(values.survey_satisfaction).toBe(66.7);
    expect(intervals.survey_satisfaction).toEqual({ low: 20.8, high: 93.9 });
  });

  it('review score: the mean total of the latest published round’s units, and the rebuild agrees', async () => {
    const round = await openRound(env, admin, QINGNIAN);
    for (const step of ['close', 'publish'])
      expect(
        (await env.inject('POST', `/api/review-rounds/${round.id}/${step}`, { cookie: admin })).status,
      ).toBe(200);
    const detail = (await env.inject('GET', `/api/review-rounds/${round.id}`, { cookie: admin })).body(
      roundDetailSchema,
    );
    const totals = detail.units.map((unit) => unit.totalScore).filter((t): t is number => t !== null);
    expect(totals.length).toBe(detail.units.length);
    await refreshSnapshots(env.ctx);
    const mean = Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
    expect((await cockpit()).values.review_score).toBe(mean);

    const refreshed = await supervisionRows();
    expect(new Set(refreshed.map((row) => row.counter.split('.')[0]))).toEqual(
      new Set(['meeting', 'review', 'survey', 'fund']),
    );
    await rebuildRollups(env.ctx);
    expect(await supervisionRows()).toEqual(refreshed);
  });
});
