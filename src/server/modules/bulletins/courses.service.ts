import { v7 as uuidv7 } from 'uuid';
import type { CourseBody, CourseDetail, PostStatus } from '../../../shared/api/bulletins.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { type CourseRow, coursesRepository as courses } from './courses.repository.js';
import { postsRepository as posts } from './posts.repository.js';
import { checkQuestion, parseQuestion } from './scoring.js';
import { checkPlacement, namedTargets } from './targets.js';

/** Study courses (手机党校) as staff write them: study posts in order, a quiz, a pass mark. */
export class CoursesService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, input: CourseBody, actor: AuditActor): Promise<string> {
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    for (const [i, q] of input.questions.entries()) checkQuestion(q, `questions.${i}`);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const targets = await checkPlacement(trx, scope, id, input.regionCode, input.targets);
      const seen = new Set<string>();
      for (const [i, item] of input.items.entries()) {
        const post = await posts.findInScope(trx, scope, item.postId);
        if (post?.kind !== 'study' || post.status !== 'published')
          throw fieldError(`items.${i}.postId`, 'bulletin.not_study_post');
        if (seen.has(post.id)) throw fieldError(`items.${i}.postId`, 'bulletin.duplicate_item');
        seen.add(post.id);
      }
      await courses.insert(
        trx,
        {
          id,
          district_code: input.regionCode.slice(0, 6),
          region_code: input.regionCode,
          title: input.title,
          description: input.description,
          status: 'draft',
          pass_mark: input.passMark,
          max_attempts: input.maxAttempts,
          created_by: actor.id ?? '',
          created_at: now,
          published_at: null,
          withdrawn_at: null,
        },
        input.items.map((item, position) => ({
          course_id: id,
          position,
          post_id: item.postId,
          min_seconds: item.minSeconds,
        })),
        input.questions.map((q, position) => ({
          course_id: id,
          position,
          kind: q.kind,
          text: q.text,
          options: JSON.stringify(q.options),
          correct: JSON.stringify(q.correct),
        })),
      );
      await posts.replaceTargets(trx, id, targets);
      await this.audit(
        trx,
        actor,
        'bulletin.course_created',
        { id, region_code: input.regionCode },
        input.title,
      );
    });
    return id;
  }

  private async found(db: Executor, scope: Scope, id: string): Promise<CourseRow> {
    const course = await courses.findInScope(db, scope, id);
    if (!course) throw notFound('bulletin.course_not_found');
    return course;
  }

  publish(scope: Scope, id: string, actor: AuditActor) {
    return this.move(scope, id, 'draft', 'published', actor);
  }

  withdraw(scope: Scope, id: string, actor: AuditActor) {
    return this.move(scope, id, 'published', 'withdrawn', actor);
  }

  private async move(scope: Scope, id: string, from: PostStatus, to: PostStatus, actor: AuditActor) {
    const refusal = to === 'published' ? 'bulletin.not_draft' : 'bulletin.not_published';
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const course = await this.found(trx, scope, id);
      if (course.status !== from) throw conflict(refusal);
      const now = this.ctx.now().toISOString();
      const moved = await courses.updateFrom(trx, id, from, {
        status: to,
        ...(to === 'published' ? { published_at: now } : { withdrawn_at: now }),
      });
      if (!moved) throw conflict(refusal);
      const action = to === 'published' ? 'bulletin.course_published' : 'bulletin.course_withdrawn';
      await this.audit(trx, actor, action, course, course.title);
    });
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: 'bulletin.course_created' | 'bulletin.course_published' | 'bulletin.course_withdrawn',
    course: { id: string; region_code: string },
    title: string,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'study_course',
      targetId: course.id,
      regionCode: course.region_code,
      summary: { title },
    });
  }

  async list(scope: Scope) {
    const { db } = this.ctx.database;
    const rows = await courses.list(db, scope);
    const ids = rows.map((r) => r.id);
    const [items, questions, passed] = await Promise.all([
      courses.items(db, ids),
      courses.questions(db, ids),
      courses.passedCounts(db, scope, ids),
    ]);
    return rows.map((row) =>
      summary(
        row,
        items.filter((i) => i.course_id === row.id).length,
        questions.filter((q) => q.course_id === row.id).length,
        passed.get(row.id) ?? 0,
      ),
    );
  }

  /** The staff's view, with the right answers and, per item, how many members in scope finished it. */
  async detail(scope: Scope, id: string): Promise<CourseDetail> {
    const { db } = this.ctx.database;
    const course = await this.found(db, scope, id);
    const [items, questions, passed, done, targets] = await Promise.all([
      courses.items(db, [id]),
      courses.questions(db, [id]),
      courses.passedCounts(db, scope, [id]),
      courses.doneCounts(db, scope, id),
      posts.targets(db, [id]),
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
      ...summary(course, items.length, questions.length, passed.get(id) ?? 0),
      description: course.description,
      targets: await namedTargets(db, targets),
      itemList: items.map((i) => ({
        postId: i.post_id,
        title: titles.get(i.post_id) ?? '',
        minSeconds: i.min_seconds,
        done: done.get(i.post_id) ?? 0,
      })),
      questionList: questions.map(parseQuestion),
    };
  }
}

function summary(row: CourseRow, items: number, questions: number, passed: number) {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    regionCode: row.region_code,
    passMark: row.pass_mark,
    maxAttempts: row.max_attempts,
    items,
    questions,
    passed,
    createdAt: row.created_at,
  };
}
