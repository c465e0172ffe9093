import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonSummary } from '../src/shared/api/register';
import type { Course, CourseDetail } from '../src/shared/api/training';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { declineElderOffer } from './support/portal';
import { docsScreenshotsDir } from './support/screenshots';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

const PHONE_VIEW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const TITLE = 'SYB 创办你的企业（冬季班）';

/** A Beijing date and HH:MM of an instant. */
const beijing = (ms: number) => {
  const iso = new Date(ms + 8 * 3_600_000).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

/**
 * A resident of the demo district enrolls in an SYB course on the portal (a 360-px phone) and
 * checks in to the class running now with the code the trainer's phone shows; the community
 * secretary takes the roll of the next session with one tap, completes the course, and the
 * certificate's number is confirmed on the public page without signing in.
 */
describeInBrowser('training: portal enrollment, code check-in, roll call, completion, public check', () => {
  let server: RunningServer;
  let browser: Browser;
  let resident: Page;
  let worker: Page;
  let secretary: ApiClient;
  let course: Course;
  let phone = '';
  const pageErrors: string[] = [];
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(docsScreenshotsDir, `${name}.png`) });

  beforeAll(async () => {
    server = await startServer({ demo: true });
    const credentials = demoCredentials(server);
    phone = credentials.get('resident')!.replace('phone:', '');
    const admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    secretary = await apiLogin(
      server.baseUrl,
      'community_secretary',
      credentials.get('community_secretary')!,
    );
    const person = (await admin.json<{ items: PersonSummary[] }>('GET', `/api/persons?q=${phone}&limit=5`))
      .items[0]!;
    course = await secretary.json<Course>('POST', '/api/training-courses', {
      title: TITLE,
      kind: 'entrepreneurship',
      place: '社区党群服务中心三楼',
      regionCode: person.regionCode.slice(0, 12),
      skills: ['创业计划书', '市场营销'],
      targetGroups: ['laid_off'],
      capacity: 30,
      completionPct: 50,
      warningPct: 40,
    });
    // Two sessions: one running now (from five minutes ago, or from midnight just after it, to an
    // hour later or the day's end: a session stays within its Beijing day), the same a week later.
    const nowMs = Date.now();
    const midnight = Date.parse(`${beijing(nowMs).date}T00:00:00+08:00`);
    const startMs = Math.max(nowMs - 5 * 60_000, midnight);
    const start = beijing(startMs);
    const endMs = Math.min(startMs + 60 * 60_000, Date.parse(`${start.date}T23:59:00+08:00`));
    const weekday = new Date(`${start.date}T00:00:00Z`).getUTCDay() || 7;
    await secretary.json<CourseDetail>('POST', `/api/training-courses/${course.id}/sessions`, {
      firstDate: start.date,
      weekdays: [weekday],
      startTime: start.time,
      endTime: beijing(endMs).time,
      count: 2,
    });
    browser = await launchBrowser();
    resident = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
    worker = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function smsCode(): Promise<string> {
    const pattern = new RegExp(
      `\\[sms\\] ${phone.slice(0, 3)}\\*{4}${phone.slice(7)} 【连心】您的登录验证码为 (\\d{6})`,
      'g',
    );
    for (let i = 0; i < 100; i++) {
      const codes = [...server.output().matchAll(pattern)].map((match) => match[1]!);
      if (codes.length > 0) return codes.at(-1)!;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No sign-in code was printed within 20 s:\n${server.output()}`);
  }

  const detail = () => secretary.json<CourseDetail>('GET', `/api/training-courses/${course.id}`);

  it('enrolls the resident in the SYB course on the portal', async () => {
    await resident.goto('/m');
    await resident.waitForURL('**/m/login');
    await resident.getByTestId('portal-phone').fill(phone);
    await resident.getByTestId('portal-send-code').click();
    await resident.getByTestId('portal-code').fill(await smsCode());
    await resident.getByTestId('portal-login-submit').click();
    await resident.waitForURL((url) => url.pathname === '/m');
    await declineElderOffer(resident);
    await resident.getByTestId('portal-nav-training').click();
    await resident.waitForURL('**/m/training');
    const card = resident.getByTestId('portal-training-course').filter({ hasText: TITLE });
    await card.getByTestId('portal-training-enroll').click();
    await resident.getByText('报名成功').waitFor();
    const mine = resident.getByTestId('portal-training-enrollment').filter({ hasText: TITLE });
    expect(await visibleText(resident, mine.getByTestId('portal-training-status'))).toBe('在训');
    expect((await detail()).enrollments.map((e) => e.channel)).toEqual(['portal']);
  });

  it('checks the resident in with the code on the trainer’s phone', async () => {
    const first = (await detail()).sessions[0]!;
    const { code } = await secretary.json<{ code: string }>('GET', `/api/training-sessions/${first.id}/code`);
    await resident.getByTestId('portal-training-code').fill(code);
    await resident.getByTestId('portal-training-check-in-submit').click();
    await resident.getByText(`已签到：${TITLE}`).waitFor();
    const roster = await secretary.json<{ items: { status: string | null; recordedVia: string | null }[] }>(
      'GET',
      `/api/training-sessions/${first.id}/attendance`,
    );
    expect(roster.items).toEqual([expect.objectContaining({ status: 'present', recordedVia: 'code' })]);
    await shot(resident, 'portal-training');
  });

  it('lets the secretary take the next session’s roll with one tap and complete the course', async () => {
    await worker.goto('/login');
    await logIn(worker, 'community_secretary', demoCredentials(server).get('community_secretary')!);
    await worker.waitForURL((url) => !url.pathname.startsWith('/login'));
    await worker.goto(`/training/${course.id}`);
    await worker.getByTestId('attendance-taker').waitFor();
    const second = (await detail()).sessions[1]!;
    // The running session (already marked by the code) shows first: pick the second.
    const row = worker.getByTestId('roster-row').first();
    await row.locator('.ant-radio-button-wrapper-checked').waitFor();
    await worker.getByTestId('session-option-2').click();
    await expect
      .poll(() => row.locator('.ant-radio-button-wrapper-checked').count(), { timeout: 15_000 })
      .toBe(0);
    await row.getByTestId('mark-present').click();
    await row.locator('.ant-radio-button-wrapper-checked').getByText('出勤').waitFor();
    await expect
      .poll(
        async () => {
          const r = await secretary.json<{ items: { status: string | null }[] }>(
            'GET',
            `/api/training-sessions/${second.id}/attendance`,
          );
          return r.items[0]?.status;
        },
        { timeout: 15_000 },
      )
      .toBe('present');
    await shot(worker, 'training-roll-call');
    await worker.getByTestId('complete-course').click();
    await worker.locator('.ant-popconfirm .ant-btn-primary').click();
    await worker.getByText('1 人结业，0 人未结业').waitFor();
    expect(await visibleText(worker, 'course-status')).toBe('已结业');
    await worker.getByTestId('certificate-download').waitFor();
  });

  it('confirms the certificate’s number on the public page without signing in', async () => {
    const serial = (await detail()).enrollments[0]!.certificateSerial!;
    expect(serial).toMatch(/^PX-/);
    const visitor = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
    await visitor.goto(`/verify-training?serial=${serial}`);
    await visitor.getByTestId('verify-submit').click();
    const result = visitor.getByTestId('verify-result');
    await result.waitFor();
    const text = await visibleText(visitor, result);
    expect(text).toContain(TITLE);
    expect(text).toContain('*');
    await shot(visitor, 'training-verify');
    expect(pageErrors).toEqual([]);
  });
});
