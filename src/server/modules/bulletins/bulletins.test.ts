import { beforeAll, expect, it } from 'vitest';
import {
  myBulletinsSchema,
  myPostDetailSchema,
  postDetailSchema,
  postListSchema,
  unreadListSchema,
} from '../../../shared/api/bulletins.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, XINGJIAN_STREET } from '../../testing/test-env.js';
import { bulletinWorld, draftPost, noticeBody, publishedPost } from './testing.js';

type World = Awaited<ReturnType<typeof bulletinWorld>>;

describeEachDialect('bulletins: bad input, targeting, receipts, scope', (env) => {
  let w: World;
  let secretary = '';
  let otherSecretary = '';
  let gridWorker = '';
  let auditor = '';
  const region = [{ kind: 'region', regionCode: QINGNIAN }];

  beforeAll(async () => {
    w = await bulletinWorld(env, QINGNIAN, SHANGHAI_XINCUN);
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
    gridWorker = (await env.loginAs({ role: 'grid_worker', regionCode: QINGNIAN })).cookie;
    auditor = (await env.loginAs({ role: 'auditor', regionCode: QINGNIAN })).cookie;
  });

  it('refuses bad input on the post form, naming each field, and writes nothing', async () => {
    const before = await env.countRows('bulletin_posts');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'poster' }, 'kind'],
      [{ title: ' x ' }, 'title'],
      [{ title: undefined }, 'title'],
      [{ body: '' }, 'body'],
      [{ body: 'x'.repeat(20_001) }, 'body'],
      [{ regionCode: 'abc' }, 'regionCode'],
      // A region outside the secretary's scope is refused as one that does not exist.
      [
        { regionCode: SHANGHAI_XINCUN, targets: [{ kind: 'region', regionCode: SHANGHAI_XINCUN }] },
        'regionCode',
      ],
      [{ targets: [] }, 'targets'],
      [{ targets: [{ kind: 'building', regionCode: QINGNIAN }] }, 'targets.0.kind'],
      [{ targets: [{ kind: 'organization', organizationId: 'nope' }] }, 'targets.0.organizationId'],
      [{ targets: [{ kind: 'organization', organizationId: w.awayBranch.id }] }, 'targets.0.organizationId'],
      [{ targets: [{ kind: 'region', regionCode: XINGJIAN_STREET }] }, 'targets.0.regionCode'],
      [{ targets: [...region, ...region] }, 'targets.1.regionCode'],
      [{ html: '<b>x</b>' }, ''],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/bulletin-posts', {
        cookie: secretary,
        body: noticeBody(QINGNIAN, region, override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      if (field) expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    // Filed under a grid, a post cannot reach the whole community.
    const grid = await env.createRegion(QINGNIAN, 'grid', '公告测试网格');
    const english = await env.inject('POST', '/api/bulletin-posts', {
      cookie: secretary,
      body: noticeBody(grid, region),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe('must lie inside the region the post is filed under');
    expect(await env.countRows('bulletin_posts')).toBe(before);
  });

  it('shows a published post only to members its targets reach: 404 to everyone else', async () => {
    const own = [{ kind: 'organization', organizationId: w.committee.id }];
    const committeeOnly = await publishedPost(env, secretary, noticeBody(QINGNIAN, own, { title: '仅党委' }));
    const withBranches = await publishedPost(
      env,
      secretary,
      noticeBody(QINGNIAN, [{ ...own[0], includeDescendants: true }], { title: '党委及下级' }),
    );
    const side = await publishedPost(
      env,
      secretary,
      noticeBody(QINGNIAN, [{ kind: 'organization', organizationId: w.sideBranch.id }], {
        title: '第二支部',
      }),
    );
    const community = await publishedPost(env, secretary, noticeBody(QINGNIAN, region, { title: '全社区' }));
    const draft = await draftPost(env, secretary, noticeBody(QINGNIAN, region, { title: '草稿' }));
    const open = (cookie: string, id: string) =>
      env.inject('POST', `/api/bulletins/me/posts/${id}/open`, { cookie });
    const seen = async (cookie: string) =>
      (await env.inject('GET', '/api/bulletins/me', { cookie }))
        .body(myBulletinsSchema)
        .posts.map((p) => p.id);

    expect((await seen(w.inner.cookie)).sort()).toEqual([withBranches, community].sort());
    expect((await seen(w.side.cookie)).sort()).toEqual([side, community].sort());
    expect(await seen(w.away.cookie)).toEqual([]);
    for (const id of [committeeOnly, side, draft]) expect((await open(w.inner.cookie, id)).status).toBe(404);
    expect((await open(w.away.cookie, community)).status).toBe(404);
    expect((await open(w.inner.cookie, withBranches)).status).toBe(200);

    // Withdrawn, it is gone for the members too.
    expect(
      (await env.inject('POST', `/api/bulletin-posts/${side}/withdraw`, { cookie: secretary })).status,
    ).toBe(200);
    expect((await open(w.side.cookie, side)).status).toBe(404);
    // A staff account linked to no member has no reading page.
    expect((await env.inject('GET', '/api/bulletins/me', { cookie: secretary })).status).toBe(404);
  });

  it('records a receipt once however often the member opens the post; counts and lists who has not read', async () => {
    const id = await publishedPost(env, secretary, noticeBody(QINGNIAN, region, { title: '回执测试' }));
    const audits = async () =>
      Number(
        (
          await env.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'bulletin.post_read')
            .where('target_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const first = await env.inject('POST', `/api/bulletins/me/posts/${id}/open`, { cookie: w.inner.cookie });
    env.advanceMinutes(5);
    const second = await env.inject('POST', `/api/bulletins/me/posts/${id}/open`, { cookie: w.inner.cookie });
    expect(first.body(myPostDetailSchema).readAt).toBe(second.body(myPostDetailSchema).readAt);
    expect(second.body(myPostDetailSchema).body).toBe('请各支部于月底前完成主题党日活动。');
    expect(await audits()).toBe(1);

    const detail = (await env.inject('GET', `/api/bulletin-posts/${id}`, { cookie: secretary })).body(
      postDetailSchema,
    );
    expect({ audience: detail.audience, read: detail.read }).toEqual({ audience: 2, read: 1 });
    const unread = await env.inject('GET', `/api/bulletin-posts/${id}/unread`, { cookie: secretary });
    expect(unread.body(unreadListSchema).items.map((m) => m.memberId)).toEqual([w.side.member.id]);

    // The member's page lists unread posts first.
    const home = (await env.inject('GET', '/api/bulletins/me', { cookie: w.inner.cookie })).body(
      myBulletinsSchema,
    );
    const firstRead = home.posts.findIndex((p) => p.readAt !== null);
    expect(home.posts.slice(firstRead).every((p) => p.readAt !== null)).toBe(true);
    expect(home.posts.find((p) => p.id === id)?.readAt).toBe(first.body(myPostDetailSchema).readAt);
  });

  it('edits only drafts, publishes once, withdraws only what is published', async () => {
    const id = await draftPost(env, secretary, noticeBody(QINGNIAN, region));
    const put = await env.inject('PUT', `/api/bulletin-posts/${id}`, {
      cookie: secretary,
      body: noticeBody(QINGNIAN, region, { kind: 'news', title: '改为新闻' }),
    });
    expect(put.body(postDetailSchema)).toMatchObject({ kind: 'news', title: '改为新闻', status: 'draft' });
    expect(
      (await env.inject('POST', `/api/bulletin-posts/${id}/withdraw`, { cookie: secretary })).status,
    ).toBe(409);
    const published = await env.inject('POST', `/api/bulletin-posts/${id}/publish`, { cookie: secretary });
    expect(published.body(postDetailSchema).publishedAt).not.toBeNull();
    expect(
      (await env.inject('POST', `/api/bulletin-posts/${id}/publish`, { cookie: secretary })).status,
    ).toBe(409);
    const again = await env.inject('PUT', `/api/bulletin-posts/${id}`, {
      cookie: secretary,
      body: noticeBody(QINGNIAN, region),
    });
    expect(again.error.code).toBe('bulletin.not_draft');
  });

  it('answers 404 outside the scope and 403 without the permission', async () => {
    const id = await draftPost(env, secretary, noticeBody(QINGNIAN, region));
    for (const [method, url] of [
      ['GET', `/api/bulletin-posts/${id}`],
      ['GET', `/api/bulletin-posts/${id}/unread`],
      ['POST', `/api/bulletin-posts/${id}/publish`],
    ] as const)
      expect((await env.inject(method, url, { cookie: otherSecretary })).status, url).toBe(404);
    const others = (await env.inject('GET', '/api/bulletin-posts', { cookie: otherSecretary })).body(
      postListSchema,
    );
    expect(others.items.map((p) => p.id)).not.toContain(id);
    expect((await env.inject('GET', '/api/bulletin-posts', { cookie: gridWorker })).status).toBe(403);
    expect((await env.inject('GET', '/api/bulletin-posts', { cookie: w.inner.cookie })).status).toBe(403);
    expect((await env.inject('GET', `/api/bulletin-posts/${id}`, { cookie: auditor })).status).toBe(200);
    const write = await env.inject('POST', '/api/bulletin-posts', {
      cookie: auditor,
      body: noticeBody(QINGNIAN, region),
    });
    expect(write.status).toBe(403);
  });
});
