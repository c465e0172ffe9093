import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { courseDetailSchema, myBulletinsSchema, postDetailSchema } from '../src/shared/api/bulletins';
import { memberPointsSchema } from '../src/shared/api/points';
import { type ApiClient, apiLogin, apiRead as read } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { docsScreenshotsDir } from './support/screenshots';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { signIn } from './support/ui';

const PHONE_VIEW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const DISTRICT = '230108';
const NOTICE = '关于开展“学党章、守党纪”主题党日活动的通知';
const COURSE = '手机党校：党章第一章';
/** The shortest reading time a course may ask (the server refuses less). */
const MIN_SECONDS = 10;

/**
 * Issue 14's last step in the browser, on the demo district: the district office publishes a
 * notice and a study course with a quiz to the whole district; the demo's member, on a 360-px
 * phone, finds both on their 学习 page, reads the notice (the office's read count rises), reads
 * the course's text for the time the server measures (finishing early is refused), takes the quiz
 * and passes it, and the points ledger gives the course's points.
 */
describeInBrowser('study: a member reads a bulletin and passes a course’s quiz on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let phone: Page;
  let noticeId = '';
  let courseId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ demo: true });
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    const target = [{ kind: 'region', regionCode: DISTRICT }];
    const post = async (body: object) => {
      const { id } = await admin.json<{ id: string }>('POST', '/api/bulletin-posts', body);
      await admin.json('POST', `/api/bulletin-posts/${id}/publish`);
      return id;
    };
    noticeId = await post({
      kind: 'notice',
      title: NOTICE,
      body: '请各支部党员于本月底前参加主题党日活动，并完成手机党校学习。',
      regionCode: DISTRICT,
      targets: target,
    });
    const text = await post({
      kind: 'study',
      title: '党章第一章 党员',
      body: '年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子……',
      regionCode: DISTRICT,
      targets: target,
    });
    const { id } = await admin.json<{ id: string }>('POST', '/api/study-courses', {
      title: COURSE,
      description: '阅读后完成测验',
      regionCode: DISTRICT,
      targets: target,
      items: [{ postId: text, minSeconds: MIN_SECONDS }],
      questions: [
        {
          kind: 'single',
          text: '入党的年龄要求是？',
          options: ['十六岁', '年满十八岁', '二十岁'],
          correct: [1],
        },
        {
          kind: 'multiple',
          text: '党员的先进分子来自哪些群体？',
          options: ['工人', '外国人', '农民', '军人'],
          correct: [0, 2, 3],
        },
      ],
      passMark: 60,
      maxAttempts: 3,
    });
    await admin.json('POST', `/api/study-courses/${id}/publish`);
    courseId = id;
    browser = await launchBrowser();
    phone = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
    const password = demoCredentials(server).get('member')!;
    await signIn(phone, { username: 'member', password });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the member the notice to read on their 学习 page, and reading it counts', async () => {
    const before = await read(admin, postDetailSchema, 'GET', `/api/bulletin-posts/${noticeId}`);
    expect(before.audience).toBeGreaterThan(0);
    await phone.goto('/me/study');
    const notice = phone.getByTestId('my-post').filter({ hasText: NOTICE });
    await expect.poll(() => notice.textContent()).toContain('待阅读');
    await notice.getByRole('button', { name: NOTICE }).click();
    await phone.getByRole('dialog').getByText('主题党日活动，并完成手机党校学习').waitFor();
    await phone.screenshot({ path: `${docsScreenshotsDir}/study-notice-phone.png` });
    await phone
      .getByRole('dialog')
      .getByRole('button', { name: /close|关闭/i })
      .click();
    await expect.poll(() => notice.textContent()).toContain('已读');
    const after = await read(admin, postDetailSchema, 'GET', `/api/bulletin-posts/${noticeId}`);
    expect(after.read).toBe(before.read + 1);
  });

  it('times the reading on the server, then scores the quiz: the member passes', async () => {
    await phone.goto(`/me/study/courses/${courseId}`);
    await phone.getByTestId('my-course-page').getByText(COURSE).first().waitFor();
    await phone.getByRole('button', { name: '开始阅读' }).click();
    const reading = phone.getByRole('dialog');
    await reading.getByText('年满十八岁').first().waitFor();
    // Finishing at once is refused: the server counts from its own clock.
    await reading.getByRole('button', { name: '读完了' }).click();
    await phone.locator('.ant-message-error').waitFor();
    expect(await reading.isVisible()).toBe(true);
    await phone.waitForTimeout((MIN_SECONDS + 1) * 1000);
    await reading.getByRole('button', { name: '读完了' }).click();
    await reading.waitFor({ state: 'detached' });
    await phone.getByText('已完成').first().waitFor();

    // The right answers come only with the office's view of the course.
    const staff = await read(admin, courseDetailSchema, 'GET', `/api/study-courses/${courseId}`);
    expect(staff.questionList.map((q) => q.correct)).toEqual([[1], [0, 2, 3]]);
    await phone.getByRole('radio', { name: '年满十八岁' }).check();
    for (const option of ['工人', '农民', '军人'])
      await phone.getByRole('checkbox', { name: option }).check();
    await phone.getByTestId('submit-quiz').click();
    await phone.getByText(/第 1 次：100 分（答对 2\/2）/).waitFor();
    await phone.screenshot({ path: `${docsScreenshotsDir}/study-quiz-phone.png`, fullPage: true });

    const mine = await phone.request.get('/api/bulletins/me');
    const course = myBulletinsSchema.parse(await mine.json()).courses.find((c) => c.id === courseId);
    expect(course).toMatchObject({ itemsDone: 1, attempts: 1, bestScore: 100, passed: true });
    await phone.goto('/me/study');
    await phone.getByTestId('my-study-page').getByText('已及格').first().waitFor();
  });

  it('gives the member the course’s points once the day’s accrual runs', async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    await admin.json('POST', '/api/points/accrue', { district: DISTRICT, year });
    const answer = await phone.request.get(`/api/points/me?year=${year}`);
    const points = memberPointsSchema.parse(await answer.json());
    expect(
      points.rows.filter((row) => row.sourceKind === 'study_passed' && row.sourceId === courseId),
    ).toEqual([expect.objectContaining({ points: 5, reason: `学习课程「${COURSE}」测验通过（100分）` })]);
    expect(pageErrors).toEqual([]);
  });
});
