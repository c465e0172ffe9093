import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PostKind, PostStatus } from '../../../shared/api/bulletins.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { type MemberSelf, reachesMember } from './audience.repository.js';
import type { BulletinPostTable, BulletinReceiptTable, BulletinTargetTable } from './bulletins.tables.js';

export type PostRow = Selectable<BulletinPostTable>;
export type TargetRow = Selectable<BulletinTargetTable>;

/** Posts, the targets of posts and courses, and read receipts. Only this file touches those tables. */
export const postsRepository = {
  insert: async (db: Executor, row: Insertable<BulletinPostTable>): Promise<void> => {
    await db.insertInto('bulletin_posts').values(row).execute();
  },

  /** Scoped by the region the post is filed under; nothing outside the scope. */
  findInScope: (db: Executor, scope: Scope, id: string): Promise<PostRow | undefined> =>
    db
      .selectFrom('bulletin_posts')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('bulletin_posts.region_code'))
      .executeTakeFirst(),

  /** Moves a post on only from the status it was read in. */
  updateFrom: async (
    db: Executor,
    id: string,
    from: PostStatus,
    changes: Updateable<BulletinPostTable>,
  ): Promise<boolean> => {
    const result = await db
      .updateTable('bulletin_posts')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Newest first, at most 200. */
  list: (
    db: Executor,
    scope: Scope,
    filter: { kind?: PostKind | undefined; status?: PostStatus | undefined },
  ) => {
    let query = db.selectFrom('bulletin_posts').selectAll().where(scope.covers('bulletin_posts.region_code'));
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.orderBy('id', 'desc').limit(200).execute();
  },

  targets: (db: Executor, subjectIds: readonly string[]): Promise<TargetRow[]> =>
    subjectIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('bulletin_targets')
          .selectAll()
          .where('subject_id', 'in', [...subjectIds])
          .orderBy('subject_id')
          .orderBy('position')
          .execute(),

  replaceTargets: async (
    db: Executor,
    subjectId: string,
    rows: readonly Insertable<BulletinTargetTable>[],
  ): Promise<void> => {
    await db.deleteFrom('bulletin_targets').where('subject_id', '=', subjectId).execute();
    if (rows.length > 0)
      await db
        .insertInto('bulletin_targets')
        .values([...rows])
        .execute();
  },

  /** Receipts per post, counted among the members inside `scope`. */
  readCounts: async (db: Executor, scope: Scope, postIds: readonly string[]) => {
    if (postIds.length === 0) return new Map<string, number>();
    const rows = await db
      .selectFrom('bulletin_receipts')
      .select((eb) => ['post_id', eb.fn.countAll<number>().as('n')])
      .where('post_id', 'in', [...postIds])
      .where(scope.covers('bulletin_receipts.region_code'))
      .groupBy('post_id')
      .execute();
    return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
  },

  /** Published posts that reach the member, with their receipt if any; newest first, at most 200. */
  forMember: (db: Executor, member: MemberSelf, regionPath: readonly string[]) =>
    db
      .selectFrom('bulletin_posts')
      .leftJoin('bulletin_receipts', (join) =>
        join
          .onRef('bulletin_receipts.post_id', '=', 'bulletin_posts.id')
          .onRef('bulletin_receipts.district_code', '=', 'bulletin_posts.district_code')
          .on('bulletin_receipts.member_id', '=', member.id),
      )
      .select([
        'bulletin_posts.id',
        'bulletin_posts.kind',
        'bulletin_posts.title',
        'bulletin_posts.body',
        'bulletin_posts.published_at',
        'bulletin_receipts.read_at',
      ])
      .where('bulletin_posts.district_code', '=', member.district_code)
      .where('bulletin_posts.status', '=', 'published')
      .where(reachesMember('bulletin_posts.id', member, regionPath))
      .orderBy('bulletin_posts.published_at', 'desc')
      .orderBy('bulletin_posts.id', 'desc')
      .limit(200)
      .execute(),

  /** One published post that reaches the member; nothing otherwise. */
  oneForMember: (db: Executor, member: MemberSelf, regionPath: readonly string[], id: string) =>
    db
      .selectFrom('bulletin_posts')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', member.district_code)
      .where('status', '=', 'published')
      .where(reachesMember('bulletin_posts.id', member, regionPath))
      .executeTakeFirst(),

  /** Records the member's receipt once; true when this call recorded it. */
  insertReceipt: async (db: Executor, row: Insertable<BulletinReceiptTable>) => {
    const result = await db
      .insertInto('bulletin_receipts')
      .values(row)
      .onConflict((oc) => oc.columns(['post_id', 'member_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  receipt: (db: Executor, postId: string, memberId: string) =>
    db
      .selectFrom('bulletin_receipts')
      .select('read_at')
      .where('post_id', '=', postId)
      .where('member_id', '=', memberId)
      .executeTakeFirst(),

  /** Unscoped: the posts a course names, read after the course itself was found in scope. */
  postsUnscoped: (db: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('bulletin_posts')
          .selectAll()
          .where('id', 'in', [...ids])
          .execute(),
};
