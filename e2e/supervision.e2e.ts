import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { periodRange, previousQuarter, quarterOfDay } from '../src/server/modules/meetings/compliance-rules';
import { cockpitSchema } from '../src/shared/api/cockpit';
import { statementSchema, voucherDetailSchema } from '../src/shared/api/funds';
import { meetingDetailSchema, meetingTaskPageSchema } from '../src/shared/api/meetings';
import { type RoundDetail, roundDetailSchema } from '../src/shared/api/reviews';
import { samplePageSchema, surveyDetailSchema, surveyResultsSchema } from '../src/shared/api/surveys';
import { checkOpenPages } from './support/accessibility';
import { type ApiClient, apiLogin, apiRead as read } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { portalSignIn } from './support/portal';
import { type RunningServer, startServer } from './support/server';
import {
  BRANCH,
  backdateAndSweep,
  beijingDay,
  closedOrder,
  consolationBody,
  DEPUTY,
  DONGSHENG,
  EVALUATOR,
  fillNumber,
  HUAHUI,
  openFundLedger,
  option,
  pickDate,
  popconfirmOk,
  QIANJINLI,
  roundBody,
  SECRETARY,
  STREET,
  type Supervision,
  setUpSupervision,
  shot,
  signInAs,
  surveyBody,
  YOUJI,
} from './support/supervision';
import { visibleText } from './support/ui';

const PHONE_VIEW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DECISION = '为1号楼独居老人加装楼道扶手';
/**
 * Issue 14's supervision and evaluation, in the browser: a branch of 前进里社区 holds a 支委会 with
 * attendance and a decision that becomes a task, and the last quarter's missed 党课 shows as a task;
 * 保国街道's review round with two evaluators and computed KPIs ranks its communities and, once
 * closed, stays frozen when a work order changes; a resident drawn into a survey answers it on a
 * 360-px phone and the results show the share with its interval; a consolation payment above the
 * threshold is approved by a second person and appears in the statement; the cockpit shows the
 * closed survey's satisfaction with its interval. A fresh server with its own fixtures: every
 * figure is caused by the test. (The bulletins' quiz is another module's test.)
 */
describeInBrowser('supervision: meetings → tasks → review round → survey → consolation → cockpit', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let secretary: ApiClient;
  let deputy: ApiClient;
  let street: ApiClient;
  let desk: Page;
  let fixture: Supervision;
  let accounts: Record<string, string>;
  let surveyId = '';
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-supervision-e2e-'));
  const today = beijingDay(Date.now());
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    fixture = await setUpSupervision(admin, folder);
    secretary = await apiLogin(server.baseUrl, SECRETARY.username, SECRETARY.password);
    deputy = await apiLogin(server.baseUrl, DEPUTY.username, DEPUTY.password);
    street = await apiLogin(server.baseUrl, STREET.username, STREET.password);
    accounts = await openFundLedger(secretary, deputy, fixture.branchId);
    browser = await launchBrowser();
    desk = await openPage(browser, server.baseUrl, pageErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('records a 支委会 with attendance and a decision; the decision and the missed 党课 become tasks', async () => {
    const [presenter, recorder, , away] = fixture.members;
    await signInAs(desk, SECRETARY);
    await desk.goto(`/meetings?organization=${fixture.branchId}`);
    await desk.getByTestId('new-meeting').click();
    await desk.getByTestId('meeting-form-page').waitFor();
    // The page's accessibility check first: it would catch a date panel open on the form.
    await checkOpenPages([desk]);
    await desk.getByTestId('meeting-topic').fill('学习贯彻党的创新理论，研究为老服务');
    await pickDate(desk, desk.getByTestId('meeting-held-on'), today);
    await desk.getByLabel('时长（分钟）').fill('90');
    const choose = async (label: string, name: string) => {
      await desk.getByLabel(label).click();
      await option(desk, name);
    };
    await choose('主持人', presenter!.name);
    await choose('记录人', recorder!.name);
    // Every member is marked present at first; one was away on business.
    const switches = desk.getByRole('switch');
    await expect.poll(() => switches.count()).toBe(fixture.members.length);
    const awayRow = desk
      .locator('.ant-space', { has: desk.getByText(away!.name, { exact: true }) })
      .filter({ has: desk.getByRole('switch') })
      .last();
    await awayRow.getByRole('switch').click();
    await awayRow.getByPlaceholder('缺席原因').fill('出差');
    await desk
      .getByLabel('会议记录', { exact: true })
      .fill('传达学习上级精神，讨论1号楼独居老人出行安全问题。');
    await desk.getByTestId('meeting-save').click();
    const refused = desk.locator('.ant-form-item-explain-error, .ant-alert-error');
    await desk.getByTestId('meeting-page').or(refused).first().waitFor();
    expect(await refused.allInnerTexts()).toEqual([]);
    const meetingId = desk.url().split('/').at(-1)!;
    await checkOpenPages([desk]);

    await desk.getByTestId('meeting-submit').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByTestId('meeting-add-decision').click();
    await dialog.getByPlaceholder('决议内容').fill(DECISION);
    await dialog.locator('.ant-select').click();
    await option(desk, recorder!.name);
    const due = beijingDay(Date.now() + 30 * 86_400_000);
    await pickDate(desk, dialog.getByPlaceholder('完成期限'), due);
    await dialog.getByTestId('meeting-submit-ok').click();
    await expect.poll(() => visibleText(desk, 'meeting-status')).toBe('待审核');
    expect(await visibleText(desk, 'meeting-decisions')).toContain(DECISION);
    const meeting = await read(secretary, meetingDetailSchema, 'GET', `/api/meetings/${meetingId}`);
    expect(meeting).toMatchObject({ type: 'committee', heldOn: today, present: 3, absent: 1 });
    expect(meeting.attendance.find((a) => a.memberId === away!.id)).toMatchObject({
      mark: 'absent',
      absenceReason: '出差',
    });
    expect(meeting.decisions).toMatchObject([{ source: 'decision', title: DECISION, dueOn: due }]);

    // The branch has been there since last quarter began: that quarter held no 党课.
    const last = previousQuarter(quarterOfDay(today));
    const since = new Date(`${periodRange(last).from}T00:00:00+08:00`).toISOString();
    expect(await backdateAndSweep(server.dataDir, fixture.branchId, since)).toBeGreaterThan(0);
    const tasks = async () =>
      (
        await read(
          secretary,
          meetingTaskPageSchema,
          'GET',
          `/api/meeting-tasks?organization=${fixture.branchId}`,
        )
      ).items;
    const lecture = (await tasks()).find((t) => t.meetingType === 'lecture' && t.period === last);
    expect(lecture).toMatchObject({ source: 'missed_meeting', status: 'open' });
    await desk.goto('/meetings/tasks');
    const page = desk.getByTestId('meeting-tasks-page');
    const lectureRow = page.getByRole('row').filter({ hasText: lecture!.title });
    expect(await visibleText(desk, lectureRow)).toContain('未按期召开');
    expect(lecture!.title).toContain('党课未召开');
    expect(await visibleText(desk, page.getByRole('row').filter({ hasText: DECISION }))).toContain(
      recorder!.name,
    );
    await shot(desk, 'meeting-tasks');
  });

  it('ranks the street’s communities by two evaluators’ scores and the computed KPIs; the closed round stays frozen', async () => {
    const round = await read(
      street,
      roundDetailSchema,
      'POST',
      '/api/review-rounds',
      roundBody(year, `${year}年度社区党组织书记述职评议`),
    );
    for (const [userId, group] of [
      [fixture.users.street, 'leader'],
      [fixture.users.evaluator, 'member'],
    ] as const)
      await street.json('POST', `/api/review-rounds/${round.id}/evaluators`, { userId, group });
    // Orders of three communities: 前进里 all satisfied, 花卉 one of two, 东升 none.
    await closedOrder(admin, fixture.grids.qianjinli, 'satisfied');
    await closedOrder(admin, fixture.grids.qianjinli, 'satisfied');
    await closedOrder(admin, fixture.grids.huahui, 'satisfied');
    await closedOrder(admin, fixture.grids.huahui, 'unsatisfied');
    await closedOrder(admin, fixture.grids.dongsheng, 'unsatisfied');
    const detail = (id: string) => read(street, roundDetailSchema, 'GET', `/api/review-rounds/${id}`);
    const satisfaction = (r: RoundDetail, code: string) =>
      r.units.find((u) => u.regionCode === code)!.kpis.satisfaction_rate.value;
    // The cockpit's counters fold the orders' steps every two seconds; the round counts from them.
    await expect
      .poll(async () => {
        const r = await detail(round.id);
        return [QIANJINLI, HUAHUI, DONGSHENG].map((c) => satisfaction(r, c.code));
      })
      .toEqual([100, 50, 0]);

    // Each evaluator scores on their own scoring page: the better served, the higher.
    const sheets: Record<string, [number, number]> = {
      [QIANJINLI.name]: [36, 54],
      [HUAHUI.name]: [32, 48],
      [DONGSHENG.name]: [28, 42],
    };
    const evaluatorDesk = await openPage(browser, server.baseUrl, pageErrors);
    for (const [page, user] of [
      [desk, STREET],
      [evaluatorDesk, EVALUATOR],
    ] as const) {
      await signInAs(page, user);
      await page.goto('/reviews/scoring');
      for (const [unit, [duty, service]] of Object.entries(sheets)) {
        const card = page.getByTestId('score-unit').filter({ hasText: unit });
        await fillNumber(card, 'score-duty', duty);
        await fillNumber(card, 'score-service', service);
        await card.getByTestId('score-save').click();
        await card.getByText('已评').waitFor();
      }
    }
    const live = await detail(round.id);
    for (const unit of live.units.filter((u) => u.regionCode !== YOUJI.code)) expect(unit.scoredBy).toBe(2);

    await desk.goto(`/reviews/${round.id}`);
    await desk.getByTestId('round-close').click();
    await popconfirmOk(desk);
    await expect.poll(() => visibleText(desk, 'round-status')).toBe('已结束（结果已固定）');
    const closed = await detail(round.id);
    expect(closed.units.map((u) => [u.regionCode, u.rank])).toEqual([
      [QIANJINLI.code, 1],
      [HUAHUI.code, 2],
      [DONGSHENG.code, 3],
      [YOUJI.code, 4],
    ]);
    const rows = desk.getByTestId('unit-row');
    for (const [i, unit] of closed.units.entries()) {
      const text = await visibleText(desk, rows.nth(i));
      expect(text).toContain(unit.name);
      expect(text).toContain(String(unit.totalScore));
    }
    await shot(desk, 'review-round');

    // An order of 前进里社区 is called back unsatisfied after the close: a new round counts it, the
    // closed one does not move.
    await closedOrder(admin, fixture.grids.qianjinli, 'unsatisfied');
    const again = await read(
      street,
      roundDetailSchema,
      'POST',
      '/api/review-rounds',
      roundBody(year, `${year}年度述职评议（复核）`),
    );
    await expect.poll(async () => satisfaction(await detail(again.id), QIANJINLI.code)).toBe(66.67);
    expect(await detail(round.id)).toEqual(closed);
    await desk.reload();
    const first = await visibleText(desk, rows.first());
    expect(first).toContain(QIANJINLI.name);
    expect(first).toContain('100%');
    expect(first).toContain(String(closed.units[0]!.totalScore));
  });

  it('draws a survey sample; a resident answers it on a 360-px phone; the results show the interval', async () => {
    surveyId = (await secretary.json<{ id: string }>('POST', '/api/surveys', surveyBody(fixture.adults))).id;
    await signInAs(desk, SECRETARY);
    await desk.goto(`/surveys/${surveyId}`);
    await desk.getByTestId('survey-draw').click();
    await popconfirmOk(desk);
    await desk.getByTestId('survey-sms').waitFor();
    const survey = await read(secretary, surveyDetailSchema, 'GET', `/api/surveys/${surveyId}`);
    expect(survey.status).toBe('open');
    expect(survey.strata.reduce((sum, s) => sum + s.quota, 0)).toBe(fixture.adults);

    const phone = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
    await portalSignIn(phone, server, fixture.resident.phone);
    // The portal offers elder mode to an older resident: this one keeps the standard portal.
    await phone.getByTestId('portal-nav').waitFor();
    const offer = phone.getByTestId('elder-suggestion-no');
    if (await offer.isVisible()) await offer.click();
    await phone.getByTestId('portal-nav-surveys').click();
    const card = phone.getByTestId('portal-survey').filter({ hasText: survey.title });
    await card.getByTestId('survey-scale-5').click();
    await card.getByText('环境整治').click();
    await card.getByTestId('portal-survey-submit').click();
    await phone.getByText('目前没有需要您填写的测评').waitFor();

    // Two more of the sample answer on the phone to the call centre: satisfied, and not.
    const [scale, choice] = survey.questions;
    const waiting = await read(
      secretary,
      samplePageSchema,
      'GET',
      `/api/surveys/${surveyId}/sample?status=waiting`,
    );
    for (const [row, value] of [
      [waiting.items[0]!, 4],
      [waiting.items[1]!, 2],
    ] as const)
      await secretary.json('POST', `/api/survey-sample/${row.id}/interview`, {
        outcome: 'answered',
        answers: [
          { questionId: scale!.id, scale: value },
          { questionId: choice!.id, choices: [0] },
        ],
      });
    const results = await read(secretary, surveyResultsSchema, 'GET', `/api/surveys/${surveyId}/results`);
    expect(results.region).toMatchObject({ n: 3, satisfied: 2 });
    const { share, low, high } = results.region.interval;
    const pct = (perMille: number | null) => `${((perMille ?? 0) / 10).toFixed(1)}%`;
    await desk.reload();
    await desk.getByRole('tab', { name: '结果' }).click();
    expect(await visibleText(desk, 'survey-interval')).toBe(
      `满意率 ${pct(share)}，95% 置信区间 ${pct(low)}–${pct(high)}（n = 3，Wilson 法）`,
    );
    await shot(desk, 'survey-results');
    await desk.getByTestId('survey-close').click();
    await popconfirmOk(desk);
    await expect
      .poll(async () => (await read(secretary, surveyDetailSchema, 'GET', `/api/surveys/${surveyId}`)).status)
      .toBe('closed');
  });

  it('posts a consolation payment above the threshold only when a second person approves it; the statement shows it', async () => {
    const payment = await read(
      secretary,
      voucherDetailSchema,
      'POST',
      `/api/organizations/${fixture.branchId}/fund-vouchers`,
      consolationBody(accounts, fixture.members[2]!.id, 150_000),
    );
    expect(payment.status).toBe('pending');
    // Its maker cannot approve it.
    await expect(secretary.json('POST', `/api/fund-vouchers/${payment.id}/approve`, {})).rejects.toThrow(
      /403/,
    );

    await signInAs(desk, DEPUTY);
    await desk.goto('/funds');
    await desk.getByTestId('funds-organization').click();
    await option(desk, BRANCH);
    await desk.getByTestId('ledger-page').waitFor();
    await desk.getByRole('tab', { name: '凭证' }).click();
    const row = desk.getByTestId('voucher-row').filter({ hasText: payment.summary });
    expect(await visibleText(desk, row.getByTestId('voucher-status'))).toBe('待审批');
    await row.locator('.ant-table-row-expand-icon').click();
    await desk.getByTestId('voucher-approve').click();
    await expect.poll(() => visibleText(desk, row.getByTestId('voucher-status'))).toBe('已记账');
    const posted = await read(deputy, voucherDetailSchema, 'GET', `/api/fund-vouchers/${payment.id}`);
    expect(posted).toMatchObject({ status: 'posted', approvedByName: DEPUTY.username });

    await desk.getByRole('tab', { name: '明细账' }).click();
    // The account list is long and drawn as a virtual list: the keyboard walks down to 5102.
    await desk.getByTestId('statement-account').click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    for (let i = 0; i <= Object.keys(accounts).indexOf('5102'); i++) await desk.keyboard.press('ArrowDown');
    await desk.keyboard.press('Enter');
    const statement = await read(
      deputy,
      statementSchema,
      'GET',
      `/api/organizations/${fixture.branchId}/fund-statement?account=${accounts['5102']}`,
    );
    expect(statement.entries).toMatchObject([{ voucherId: payment.id, debitFen: 150_000 }]);
    const entries = await visibleText(desk, 'statement-entries');
    expect(entries).toContain(payment.number);
    expect(entries).toContain('慰问生活困难党员');
    expect(entries).toContain('1,500.00');
    await shot(desk, 'fund-statement');
  });

  it('shows the closed survey’s satisfaction with its 95% interval on the cockpit', async () => {
    const results = await read(secretary, surveyResultsSchema, 'GET', `/api/surveys/${surveyId}/results`);
    const { share, low, high } = results.region.interval;
    const cockpitOf = () => read(secretary, cockpitSchema, 'GET', `/api/cockpit?region=${QIANJINLI.code}`);
    // The refresh job recounts the snapshot counters a minute at most after an audited change.
    await expect
      .poll(async () => (await cockpitOf()).values.survey_satisfaction ?? null, {
        timeout: 100_000,
        interval: 2_000,
      })
      .toBe((share ?? 0) / 10);
    const cockpit = await cockpitOf();
    expect(cockpit.intervals.survey_satisfaction).toEqual({ low: (low ?? 0) / 10, high: (high ?? 0) / 10 });
    await signInAs(desk, SECRETARY);
    await desk.goto(`/cockpit?region=${QIANJINLI.code}`);
    expect(await visibleText(desk, 'cockpit-kpi-survey_satisfaction')).toContain(`${(share ?? 0) / 10}%`);
    expect(await visibleText(desk, 'cockpit-interval-survey_satisfaction')).toBe(
      `95% 置信区间 ${(low ?? 0) / 10}%–${(high ?? 0) / 10}%`,
    );
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
