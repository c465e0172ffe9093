import { v7 as uuidv7 } from 'uuid';
import type { PostBody, PostDetail, PostKind, PostStatus } from '../../../shared/api/bulletins.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { audienceRepository as audience } from './audience.repository.js';
import { type PostRow, postsRepository as posts } from './posts.repository.js';
import { checkPlacement, namedTargets } from './targets.js';

type PostAction =
  | 'bulletin.post_created'
  | 'bulletin.post_updated'
  | 'bulletin.post_published'
  | 'bulletin.post_withdrawn';

/** Posts as staff write them: drafted, corrected while a draft, published, withdrawn; read counts. */
export class PostsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, input: PostBody, actor: AuditActor): Promise<string> {
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const targets = await checkPlacement(trx, scope, id, input.regionCode, input.targets);
      await posts.insert(trx, {
        id,
        district_code: input.regionCode.slice(0, 6),
        region_code: input.regionCode,
        kind: input.kind,
        title: input.title,
        body: input.body,
        status: 'draft',
        author_id: actor.id ?? '',
        author_name: actor.name ?? '',
        published_at: null,
        withdrawn_at: null,
        created_at: now,
        updated_at: now,
      });
      await posts.replaceTargets(trx, id, targets);
      await this.audit(
        trx,
        actor,
        'bulletin.post_created',
        { id, region_code: input.regionCode },
        input.kind,
      );
    });
    return id;
  }

  private async found(db: Executor, scope: Scope, id: string): Promise<PostRow> {
    const post = await posts.findInScope(db, scope, id);
    if (!post) throw notFound('bulletin.post_not_found');
    return post;
  }

  /** A draft's every field, targets included. */
  async update(scope: Scope, id: string, input: PostBody, actor: AuditActor): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const post = await this.found(trx, scope, id);
      if (post.status !== 'draft') throw conflict('bulletin.not_draft');
      const targets = await checkPlacement(trx, scope, id, input.regionCode, input.targets);
      const moved = await posts.updateFrom(trx, id, 'draft', {
        kind: input.kind,
        title: input.title,
        body: input.body,
        region_code: input.regionCode,
        district_code: input.regionCode.slice(0, 6),
        updated_at: this.ctx.now().toISOString(),
      });
      if (!moved) throw conflict('bulletin.not_draft');
      await posts.replaceTargets(trx, id, targets);
      await this.audit(
        trx,
        actor,
        'bulletin.post_updated',
        { id, region_code: input.regionCode },
        input.kind,
      );
    });
  }

  async publish(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    await this.move(scope, id, 'draft', 'published', actor);
  }

  async withdraw(scope: Scope, id: string, actor: AuditActor): Promise<void> {
    await this.move(scope, id, 'published', 'withdrawn', actor);
  }

  private async move(scope: Scope, id: string, from: PostStatus, to: PostStatus, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const post = await this.found(trx, scope, id);
      if (post.status !== from)
        throw conflict(to === 'published' ? 'bulletin.not_draft' : 'bulletin.not_published');
      const now = this.ctx.now().toISOString();
      const moved = await posts.updateFrom(trx, id, from, {
        status: to,
        updated_at: now,
        ...(to === 'published' ? { published_at: now } : { withdrawn_at: now }),
      });
      if (!moved) throw conflict(to === 'published' ? 'bulletin.not_draft' : 'bulletin.not_published');
      const action = to === 'published' ? 'bulletin.post_published' : 'bulletin.post_withdrawn';
      await this.audit(trx, actor, action, post, post.kind);
    });
  }

  private audit(
    trx: Executor,
    actor: AuditActor,
    action: PostAction,
    post: { id: string; region_code: string },
    kind: PostKind,
  ) {
    return this.ctx.audit.append(trx, actor, {
      action,
      targetType: 'bulletin_post',
      targetId: post.id,
      regionCode: post.region_code,
      summary: { kind },
    });
  }

  /** The list with each post's audience and receipts inside the caller's scope. */
  async list(scope: Scope, filter: { kind?: PostKind | undefined; status?: PostStatus | undefined }) {
    const { db } = this.ctx.database;
    const rows = await posts.list(db, scope, filter);
    const [targets, reads] = await Promise.all([
      posts.targets(
        db,
        rows.map((r) => r.id),
      ),
      posts.readCounts(
        db,
        scope,
        rows.map((r) => r.id),
      ),
    ]);
    const items = [];
    for (const row of rows) {
      const own = targets.filter((t) => t.subject_id === row.id);
      items.push(
        summary(
          row,
          row.status === 'draft' ? 0 : await audience.count(db, scope, own),
          reads.get(row.id) ?? 0,
        ),
      );
    }
    return items;
  }

  async detail(scope: Scope, id: string): Promise<PostDetail> {
    const { db } = this.ctx.database;
    const post = await this.found(db, scope, id);
    const targets = await posts.targets(db, [id]);
    const reads = await posts.readCounts(db, scope, [id]);
    return {
      ...summary(post, await audience.count(db, scope, targets), reads.get(id) ?? 0),
      body: post.body,
      targets: await namedTargets(db, targets),
    };
  }

  /** Members the post reaches inside the caller's scope who have not opened it. */
  async unread(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const post = await this.found(db, scope, id);
    const rows = await audience.unread(db, scope, post.id, await posts.targets(db, [id]));
    return rows.map((r) => ({ memberId: r.id, name: r.name, organizationName: r.organization_name }));
  }
}

function summary(row: PostRow, audienceSize: number, read: number) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    regionCode: row.region_code,
    authorName: row.author_name,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    audience: audienceSize,
    read,
  };
}
