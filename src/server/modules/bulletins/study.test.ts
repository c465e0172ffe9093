import { beforeAll, expect, it } from 'vitest';
import {
  attemptResultSchema,
  courseDetailSchema,
  myBulletinsSchema,
  myCourseDetailSchema,
  myCourseItemSchema,
} from '../../../shared/api/bulletins.js';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { memberPointsSchema } from '../../../shared/api/points.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { refreshSnapshots } from '../cockpit/index.js';
import { buildDemoBulletins, studyCompletionsByRegion, studyResults } from './index.js';
import { bulletinWorld, courseBodyOver, draftCourse, noticeBody, publishedPost } from './testing.js';

type World = Awaited<ReturnType<typeof bulletinWorld>>;

describeEachDialect('study courses: bad input, timed reading, the quiz scored on the server', (env) => {
  let w: World;
  let secretary = '';
  let otherSecretary = '';
  let studyIds: string[] = [];
  const region = [{ kind: 'region', regionCode: QINGNIAN }];
  const me = (cookie: string) => ({ cookie });

  beforeAll(async () => {
    w = await bulletinWorld(env, QINGNIAN, SHANGHAI_XINCUN);
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    studyIds = [];
    for (const title of ['党章学习一', '党章学习二'])
      studyIds.push(
        await publishedPost(env, secretary, noticeBody(QINGNIAN, region, { kind: 'study', title })),
      );
  });

  const publishedCourse = async (overrides: Record<string, unknown> = {}) => {
    const id = await draftCourse(env, secretary, {
      ...courseBodyOver(QINGNIAN, region, studyIds),
      ...overrides,
    });
    expect((await env.inject('POST', `/api/study-courses/${id}/publish`, me(secretary))).status).toBe(200);
    return id;
  };
  /** Opens every item, waits the minimum on the server's clock, finishes them. */
  const readAll = async (cookie: string, course: string) => {
    for (const post of studyIds)
      await env.inject('POST', `/api/bulletins/me/courses/${course}/items/${post}/open`, me(cookie));
    env.advanceMinutes(1);
    for (const post of studyIds) {
      const done = await env.inject(
        'POST',
        `/api/bulletins/me/courses/${course}/items/${post}/done`,
        me(cookie),
      );
      expect(done.status).toBe(200);
    }
  };
  const attempt = (cookie: string, course: string, answers: unknown) =>
    env.inject('POST', `/api/bulletins/me/courses/${course}/attempts`, { cookie, body: { answers } });

  it('refuses bad input on the course form, naming each field, and writes nothing', async () => {
    const notice = await publishedPost(env, secretary, noticeBody(QINGNIAN, region));
    const before = await env.countRows('study_courses');
    const question = { kind: 'single', text: '题目', options: ['甲', '乙'], correct: [0] };
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ regionCode: SHANGHAI_XINCUN }, 'regionCode'],
      [{ targets: [] }, 'targets'],
      [{ items: [] }, 'items'],
      [{ items: [{ postId: studyIds[0], minSeconds: 5 }] }, 'items.0.minSeconds'],
      [{ items: [{ postId: studyIds[0], minSeconds: 1.5 }] }, 'items.0.minSeconds'],
      [{ items: [{ postId: notice, minSeconds: 60 }] }, 'items.0.postId'],
      [
        {
          items: [
            { postId: studyIds[0], minSeconds: 60 },
            { postId: studyIds[0], minSeconds: 60 },
          ],
        },
        'items.1.postId',
      ],
      [{ questions: [] }, 'questions'],
      [{ questions: [{ ...question, text: '' }] }, 'questions.0.text'],
      [{ questions: [{ ...question, options: ['甲'] }] }, 'questions.0.options'],
      [{ questions: [{ ...question, options: ['甲', ''] }] }, 'questions.0.options.1'],
      [{ questions: [{ ...question, correct: [] }] }, 'questions.0.correct'],
      [{ questions: [{ ...question, correct: [2] }] }, 'questions.0.correct'],
      [{ questions: [{ ...question, correct: [0, 1] }] }, 'questions.0.correct'],
      [{ questions: [{ ...question, kind: 'multiple', correct: [1, 1] }] }, 'questions.0.correct'],
      [{ passMark: 0 }, 'passMark'],
      [{ passMark: 101 }, 'passMark'],
      [{ maxAttempts: 0 }, 'maxAttempts'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/study-courses', {
        cookie: secretary,
        body: { ...courseBodyOver(QINGNIAN, region, studyIds), ...override },
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(
        r.error.fields?.map((f) => f.path),
        JSON.stringify(override),
      ).toContain(field);
    }
    expect(await env.countRows('study_courses')).toBe(before);
  });

  it('never sends the right answers to a member; staff see them', async () => {
    const course = await publishedCourse();
    const member = await env.inject('GET', `/api/bulletins/me/courses/${course}`, me(w.inner.cookie));
    expect(member.status).toBe(200);
    expect(member.raw.body).not.toContain('correct');
    expect(member.body(myCourseDetailSchema).questionList[1]).toEqual({
      kind: 'multiple',
      text: '第二题：多选',
      options: ['甲', '乙', '丙', '丁'],
    });
    const staff = (await env.inject('GET', `/api/study-courses/${course}`, me(secretary))).body(
      courseDetailSchema,
    );
    expect(staff.questionList.map((q) => q.correct)).toEqual([[1], [0, 2]]);
    // A member the course does not reach, and a secretary of another community, find nothing.
    expect((await env.inject('GET', `/api/bulletins/me/courses/${course}`, me(w.away.cookie))).status).toBe(
      404,
    );
    expect((await env.inject('GET', `/api/study-courses/${course}`, me(otherSecretary))).status).toBe(404);
    expect((await env.inject('GET', '/api/study-courses', me(w.inner.cookie))).status).toBe(403);
  });

  it('accepts an item as read only after its minimum time on the server’s clock', async () => {
    const course = await publishedCourse();
    const url = (post: string, step: string) => `/api/bulletins/me/courses/${course}/items/${post}/${step}`;
    const early = await env.inject('POST', url(studyIds[0]!, 'done'), me(w.inner.cookie));
    expect(early.error.code).toBe('bulletin.item_not_opened');
    const opened = await env.inject('POST', url(studyIds[0]!, 'open'), me(w.inner.cookie));
    const openedAt = opened.body(myCourseItemSchema).openedAt;
    env.advanceMinutes(0.5);
    const tooSoon = await env.inject('POST', url(studyIds[0]!, 'done'), me(w.inner.cookie));
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.error.code).toBe('bulletin.too_soon');
    // Opening again does not restart the timer.
    const reopened = await env.inject('POST', url(studyIds[0]!, 'open'), me(w.inner.cookie));
    expect(reopened.body(myCourseItemSchema).openedAt).toBe(openedAt);
    env.advanceMinutes(0.5);
    const done = await env.inject('POST', url(studyIds[0]!, 'done'), me(w.inner.cookie));
    expect(done.body(myCourseItemSchema).doneAt).not.toBeNull();
    // The quiz waits for every item.
    const quiz = await attempt(w.inner.cookie, course, [[1], [0, 2]]);
    expect(quiz.error.code).toBe('bulletin.reading_incomplete');
    expect((await env.inject('POST', url(w.branch.id, 'open'), me(w.inner.cookie))).status).toBe(404);
  });

  it('scores on the server, keeps the best of the allowed attempts and refuses one more', async () => {
    const course = await publishedCourse({ maxAttempts: 2 });
    await readAll(w.side.cookie, course);
    const bad: [unknown, string][] = [
      [[[1]], 'answers'],
      [[[3], [0]], 'answers.0'],
      [[[0, 1], [0]], 'answers.0'],
      [[[1], []], 'answers.1'],
      [[[1], [2, 2]], 'answers.1'],
    ];
    for (const [answers, field] of bad) {
      const r = await attempt(w.side.cookie, course, answers);
      expect(
        r.error.fields?.map((f) => f.path),
        JSON.stringify(answers),
      ).toEqual([field]);
    }
    // Hand-computed: the single right, the multiple half right (no partial credit): 1 of 2 = 50 < 60.
    const first = (await attempt(w.side.cookie, course, [[1], [0]])).body(attemptResultSchema);
    expect(first).toEqual({
      attempt: 1,
      score: 50,
      correct: 1,
      questions: 2,
      passed: false,
      bestScore: 50,
      attemptsLeft: 1,
    });
    const second = (await attempt(w.side.cookie, course, [[1], [2, 0]])).body(attemptResultSchema);
    expect(second).toEqual({
      attempt: 2,
      score: 100,
      correct: 2,
      questions: 2,
      passed: true,
      bestScore: 100,
      attemptsLeft: 0,
    });
    const third = await attempt(w.side.cookie, course, [[0], [1]]);
    expect(third.error.code).toBe('bulletin.attempts_exhausted');
    expect(await env.countRows('study_attempts')).toBe(2);

    const home = (await env.inject('GET', '/api/bulletins/me', me(w.side.cookie))).body(myBulletinsSchema);
    expect(home.courses.find((c) => c.id === course)).toMatchObject({
      itemsDone: 2,
      attempts: 2,
      bestScore: 100,
      passed: true,
    });
    const staff = (await env.inject('GET', `/api/study-courses/${course}`, me(secretary))).body(
      courseDetailSchema,
    );
    expect(staff.passed).toBe(1);
    expect(staff.itemList.map((i) => i.done)).toEqual([1, 1]);

    // What the points module reads: per member and course, the year's best score and the pass.
    const year = Number(env.now().toISOString().slice(0, 4));
    const thisYear = new Date(env.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    const results = await studyResults(env.database.db, '230108', thisYear);
    expect(results.filter((r) => r.courseId === course)).toEqual([
      {
        memberId: w.side.member.id,
        courseId: course,
        courseTitle: '党章学习（第一课）',
        attempts: 2,
        bestScore: 100,
        passed: true,
      },
    ]);
    expect(await studyResults(env.database.db, '230108', thisYear - 1)).toEqual([]);
    expect((await studyCompletionsByRegion(env.database.db, '230108', thisYear)).get(QINGNIAN)).toBe(1);
    expect(year).toBeGreaterThan(2000);

    // …and the points it gives: one ledger row per course passed, under the default study rule.
    const admin = await env.loginAdmin();
    const accrued = await env.inject('POST', '/api/points/accrue', {
      cookie: admin,
      body: { district: '230108', year: thisYear },
    });
    expect(accrued.status).toBe(200);
    const points = (
      await env.inject('GET', `/api/members/${w.side.member.id}/points?year=${thisYear}`, me(admin))
    ).body(memberPointsSchema);
    expect(points.rows.filter((row) => row.sourceKind === 'study_passed')).toEqual([
      expect.objectContaining({
        sourceId: course,
        points: 5,
        reason: '学习课程「党章学习（第一课）」测验通过（100分）',
      }),
    ]);

    // The cockpit's study completion: one member of the community passed, of all its members.
    await refreshSnapshots(env.ctx);
    const cockpit = (await env.inject('GET', `/api/cockpit?region=${QINGNIAN}`, me(admin))).body(
      cockpitSchema,
    );
    const members = cockpit.values.members ?? 0;
    expect(members).toBeGreaterThan(1);
    expect(cockpit.values.study_completion).toBe(Math.round((1 / members) * 1000) / 10);
  });

  it('withdraws a course: its members no longer find it', async () => {
    const course = await publishedCourse();
    expect((await env.inject('POST', `/api/study-courses/${course}/withdraw`, me(secretary))).status).toBe(
      200,
    );
    expect((await env.inject('GET', `/api/bulletins/me/courses/${course}`, me(w.inner.cookie))).status).toBe(
      404,
    );
    expect((await env.inject('POST', `/api/study-courses/${course}/publish`, me(secretary))).status).toBe(
      409,
    );
  });

  it('builds the demo: published posts and a course reaching the district’s members', async () => {
    await buildDemoBulletins(env.ctx, '230108', QINGNIAN);
    const home = (await env.inject('GET', '/api/bulletins/me', me(w.away.cookie))).body(myBulletinsSchema);
    expect(home.posts.map((p) => p.title)).toContain('关于开展主题党日活动的通知');
    const course = home.courses.find((c) => c.title === '党章学习（第一课）');
    expect(course).toMatchObject({ items: 2, itemsDone: 0, attempts: 0, passMark: 60 });
  });
});
