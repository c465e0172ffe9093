import { v7 as uuidv7 } from 'uuid';
import type { MyBulletins, MyCourseDetail } from '../../../shared/api/bulletins.js';
import { pathOf } from '../../../shared/region-code.js';
import type { Executor } from '../../db/database.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { audienceRepository as audience, type MemberSelf } from './audience.repository.js';
import { type CourseRow, coursesRepository as courses } from './courses.repository.js';
import { postsRepository as posts } from './posts.repository.js';
import { parseQuestion, scoreAnswers } from './scoring.js';

type Me = { member: MemberSelf; path: string[] };

/**
 * A member's side: what reaches them, receipts, timed reading and quiz attempts. Every call starts
 * from the member linked to the caller's account; a post or course that does not reach them does
 * not exist (404). Times are the server's clock, never the client's.
 */
export class StudyService {
  constructor(private readonly ctx: ServiceContext) {}

  private async me(userId: string): Promise<Me> {
    const member = await audience.memberOfUser(this.ctx.database.db, userId);
    if (!member) throw notFound('bulletin.not_a_member');
    return { member, path: pathOf(member.region_code) };
  }

  private async course(me: Me, id: string): Promise<CourseRow> {
    const course = await courses.oneForMember(this.ctx.database.db, me.member, me.path, id);
    if (!course) throw notFound('bulletin.course_not_found');
    return course;
  }

  async home(userId: string): Promise<MyBulletins> {
    const me = await this.me(userId);
    const { db } = this.ctx.database;
    const rows = await posts.forMember(db, me.member, me.path);
    const unreadFirst = [...rows.filter((r) => !r.read_at), ...rows.filter((r) => r.read_at)];
    const courseRows = await courses.forMember(db, me.member, me.path);
    return {
      posts: unreadFirst.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        publishedAt: r.published_at ?? '',
        readAt: r.read_at,
      })),
      courses: await this.summaries(me, courseRows),
    };
  }

  private async summaries(me: Me, rows: readonly CourseRow[]) {
    const { db } = this.ctx.database;
    const ids = rows.map((r) => r.id);
    const [items, progress, attempts] = await Promise.all([
      courses.items(db, ids),
      courses.progress(db, me.member.id, ids),
      courses.attempts(db, me.member.id, ids),
    ]);
    return rows.map((row) => {
      const own = attempts.filter((a) => a.course_id === row.id);
      const best = own.length === 0 ? null : Math.max(...own.map((a) => a.score));
      return {
        id: row.id,
        title: row.title,
        passMark: row.pass_mark,
        maxAttempts: row.max_attempts,
        items: items.filter((i) => i.course_id === row.id).length,
        itemsDone: progress.filter((p) => p.course_id === row.id && p.done_at !== null).length,
        attempts: own.length,
        bestScore: best,
        passed: own.some((a) => a.passed === 1),
      };
    });
  }

  /** Opens a post: the member's receipt is recorded the first time only. */
  async openPost(userId: string, id: string, actor: AuditActor) {
    const me = await this.me(userId);
    const post = await posts.oneForMember(this.ctx.database.db, me.member, me.path, id);
    if (!post) throw notFound('bulletin.post_not_found');
    const readAt = await this.ctx.database.db.transaction().execute(async (trx) => {
      const now = this.ctx.now().toISOString();
      const recorded = await posts.insertReceipt(trx, {
        post_id: id,
        member_id: me.member.id,
        district_code: me.member.district_code,
        region_code: me.member.region_code,
        read_at: now,
      });
      if (recorded)
        await this.ctx.audit.append(trx, actor, {
          action: 'bulletin.post_read',
          targetType: 'bulletin_post',
          targetId: id,
          regionCode: me.member.region_code,
          summary: { member: me.member.id },
        });
      return (await posts.receipt(trx, id, me.member.id))?.read_at ?? now;
    });
    return {
      id: post.id,
      kind: post.kind,
      title: post.title,
      body: post.body,
      publishedAt: post.published_at ?? '',
      readAt,
    };
  }

  /** A course as the member sees it: items with their progress, questions without the answers. */
  async courseDetail(userId: string, id: string): Promise<MyCourseDetail> {
    const me = await this.me(userId);
    const course = await this.course(me, id);
    const { db } = this.ctx.database;
    const [[summary], items, progress, questions] = await Promise.all([
      this.summaries(me, [course]),
      courses.items(db, [id]),
      courses.progress(db, me.member.id, [id]),
      courses.questions(db, [id]),
    ]);
    const titles = new Map(
      (
        await posts.postsUnscoped(
          db,
          items.map((i) => i.post_id),
        )
      ).map((p) => [p.id, p.title]),
    );
    return {
      ...summary!,
      description: course.description,
      itemList: items.map((i) => {
        const p = progress.find((row) => row.post_id === i.post_id);
        return {
          postId: i.post_id,
          title: titles.get(i.post_id) ?? '',
          minSeconds: i.min_seconds,
          openedAt: p?.opened_at ?? null,
          doneAt: p?.done_at ?? null,
        };
      }),
      // Only what a member needs to answer: the right options never leave the server.
      questionList: questions.map((q) => {
        const { kind, text, options } = parseQuestion(q);
        return { kind, text, options };
      }),
    };
  }

  private async item(me: Me, courseId: string, postId: string) {
    await this.course(me, courseId);
    const item = (await courses.items(this.ctx.database.db, [courseId])).find((i) => i.post_id === postId);
    if (!item) throw notFound('bulletin.item_not_found');
    return item;
  }

  /** Opens an item of a course: its timer starts at the first opening, on the server's clock. */
  async openItem(userId: string, courseId: string, postId: string, actor: AuditActor) {
    const me = await this.me(userId);
    const item = await this.item(me, courseId, postId);
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const started = await courses.open(trx, {
        course_id: courseId,
        post_id: postId,
        member_id: me.member.id,
        district_code: me.member.district_code,
        opened_at: this.ctx.now().toISOString(),
        done_at: null,
      });
      if (started) await this.itemAudit(trx, actor, 'bulletin.item_opened', me, courseId, postId);
    });
    return this.itemView(me, courseId, postId, item.min_seconds);
  }

  /** Marks an item read: only once its minimum time has passed since it was opened (server time). */
  async finishItem(userId: string, courseId: string, postId: string, actor: AuditActor) {
    const me = await this.me(userId);
    const item = await this.item(me, courseId, postId);
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const progress = (await courses.progress(trx, me.member.id, [courseId])).find(
        (p) => p.post_id === postId,
      );
      if (!progress) throw conflict('bulletin.item_not_opened');
      if (progress.done_at) return;
      const now = this.ctx.now();
      const elapsed = now.getTime() - new Date(progress.opened_at).getTime();
      const remaining = Math.ceil((item.min_seconds * 1000 - elapsed) / 1000);
      if (remaining > 0) throw conflict('bulletin.too_soon', { seconds: remaining });
      const key = { course: courseId, member: me.member.id, post: postId };
      if (await courses.markDone(trx, key, now.toISOString()))
        await this.itemAudit(trx, actor, 'bulletin.item_done', me, courseId, postId);
    });
    return this.itemView(me, courseId, postId, item.min_seconds);
  }

  private itemAudit(
    trx: Executor,
    actor: AuditActor,
    action: 'bulletin.item_opened' | 'bulletin.item_done',
    me: Me,
    courseId: string,
    postId: string,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'study_course',
      targetId: courseId,
      regionCode: me.member.region_code,
      summary: { member: me.member.id, post: postId },
    });
  }

  private async itemView(me: Me, courseId: string, postId: string, minSeconds: number) {
    const { db } = this.ctx.database;
    const [post] = await posts.postsUnscoped(db, [postId]);
    const progress = (await courses.progress(db, me.member.id, [courseId])).find((p) => p.post_id === postId);
    return {
      postId,
      title: post?.title ?? '',
      body: post?.body ?? '',
      minSeconds,
      openedAt: progress?.opened_at ?? '',
      doneAt: progress?.done_at ?? null,
    };
  }

  /** Scores an attempt on the server; the best score counts. Every item must be read first. */
  async attempt(
    userId: string,
    courseId: string,
    answers: readonly (readonly number[])[],
    actor: AuditActor,
  ) {
    const me = await this.me(userId);
    const course = await this.course(me, courseId);
    const { db } = this.ctx.database;
    return db.transaction().execute(async (trx) => {
      const [items, progress, questions, attempts] = await Promise.all([
        courses.items(trx, [courseId]),
        courses.progress(trx, me.member.id, [courseId]),
        courses.questions(trx, [courseId]),
        courses.attempts(trx, me.member.id, [courseId]),
      ]);
      const done = new Set(progress.filter((p) => p.done_at !== null).map((p) => p.post_id));
      if (items.some((i) => !done.has(i.post_id))) throw conflict('bulletin.reading_incomplete');
      if (attempts.length >= course.max_attempts)
        throw conflict('bulletin.attempts_exhausted', { max: course.max_attempts });
      const result = scoreAnswers(questions.map(parseQuestion), answers);
      const passed = result.score >= course.pass_mark;
      const attempt = attempts.length + 1;
      await courses.insertAttempt(trx, {
        id: uuidv7(),
        course_id: courseId,
        member_id: me.member.id,
        district_code: me.member.district_code,
        region_code: me.member.region_code,
        attempt_no: attempt,
        score: result.score,
        correct: result.correct,
        questions: result.questions,
        passed: passed ? 1 : 0,
        submitted_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'bulletin.quiz_attempted',
        targetType: 'study_course',
        targetId: courseId,
        regionCode: me.member.region_code,
        summary: { member: me.member.id, attempt, score: result.score, passed },
      });
      return {
        attempt,
        ...result,
        passed,
        bestScore: Math.max(result.score, ...attempts.map((a) => a.score)),
        attemptsLeft: course.max_attempts - attempt,
      };
    });
  }
}
