import { beforeAll, expect, it } from 'vitest';
import {
  type PortalPost,
  portalPostPageSchema,
  portalPostSchema,
  portalTimebankSchema,
} from '../../../shared/api/portal.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';
import { ledgerCheck, linkedResident, maskedName } from './testing.js';

const PORTAL = '/api/portal/me/timebank';

/**
 * The board in the portal: a resident posts and takes up offers and requests of their own
 * community with their own account; the one helped confirms, the poster withdraws an open post,
 * the helper backs out of a taken one. Posts of other communities, and taken posts one is no
 * party to, do not exist for them.
 */
describeEachDialect('portal: the offers and requests board of a resident’s community', (env) => {
  const names: string[] = [];
  const cookies = { alice: '', bob: '', carol: '', dave: '', stranger: '' };

  const as = (cookie: string) => ({
    get: (path = '') => env.inject('GET', `${PORTAL}${path}`, { cookie }),
    post: (path: string, body?: unknown) =>
      env.inject('POST', `${PORTAL}${path}`, { cookie, ...(body === undefined ? {} : { body }) }),
  });
  const balance = async (cookie: string) =>
    (await as(cookie).get()).body(portalTimebankSchema).account!.balanceMinutes;
  const board = async (cookie: string) => (await as(cookie).get('/posts')).body(portalPostPageSchema).items;
  const tomorrow = () => new Date(env.now().getTime() + 86_400_000).toISOString();
  const request = (overrides: Record<string, unknown> = {}) => ({
    kind: 'request',
    category: 'errands',
    title: '帮忙买菜',
    description: '腿脚不便，请帮忙去超市买些蔬菜',
    minutes: 30,
    expiresAt: tomorrow(),
    ...overrides,
  });

  beforeAll(async () => {
    const { people: here } = await createResidents(env, QINGNIAN, 3);
    const { people: far } = await createResidents(env, SHANGHAI_XINCUN, 1);
    names.push(...here.map((p) => p.name));
    cookies.alice = await linkedResident(env, here[0]!.id);
    cookies.bob = await linkedResident(env, here[1]!.id);
    cookies.carol = await linkedResident(env, here[2]!.id);
    cookies.dave = await linkedResident(env, far[0]!.id);
    cookies.stranger = await residentLogin(env, newPhone());
    for (const cookie of [cookies.alice, cookies.bob, cookies.carol, cookies.dave])
      expect((await as(cookie).post('/account')).status).toBe(201);
  });

  it('refuses a bad post per field, and any account named in it', async () => {
    for (const [field, value, message] of [
      ['kind', 'gift', undefined],
      ['category', 'cooking', undefined],
      ['title', '', undefined],
      ['minutes', 0, '分钟数应为正整数'],
      ['minutes', 1.5, '分钟数应为正整数'],
      ['expiresAt', 'tomorrow', undefined],
      ['description', '长'.repeat(1001), undefined],
    ] as const) {
      const response = await as(cookies.alice).post('/posts', request({ [field]: value }));
      expect(response.status, field).toBe(400);
      expect(response.error.fields?.[0]?.path).toBe(field);
      if (message) expect(response.error.fields?.[0]?.message).toBe(message);
    }
    const past = await as(cookies.alice).post(
      '/posts',
      request({ expiresAt: new Date(env.now().getTime() - 60_000).toISOString() }),
    );
    expect(past.error.fields).toEqual([{ path: 'expiresAt', message: '有效期必须晚于现在' }]);
    const named = await as(cookies.alice).post(
      '/posts',
      request({ accountId: '0190a0b0-0000-7000-8000-000000000000' }),
    );
    expect(named.status).toBe(400);
    expect((await board(cookies.alice)).length).toBe(0);
    expect((await as(cookies.stranger).post('/posts', request())).error.code).toBe('timebank.no_own_account');
  });

  let help: PortalPost;
  it('shows a request to the poster’s community only, with the poster’s name masked to others', async () => {
    const created = await as(cookies.alice).post('/posts', request());
    expect(created.status).toBe(201);
    help = created.body(portalPostSchema);
    expect(help).toMatchObject({
      posterName: names[0],
      postedByMe: true,
      myRole: null,
      status: 'open',
      canAccept: false,
      canCancel: true,
      canConfirm: false,
    });
    const seen = (await board(cookies.bob)).find((post) => post.id === help.id);
    expect(seen).toMatchObject({ posterName: maskedName(names[0]!), postedByMe: false, canAccept: true });
    expect(JSON.stringify(await board(cookies.bob))).not.toContain(names[0]);
    expect((await board(cookies.dave)).map((post) => post.id)).not.toContain(help.id);
    const far = await as(cookies.dave).post(`/posts/${help.id}/accept`);
    expect(far.status).toBe(404);
    expect(far.error.code).toBe('timebank.post_not_found');
    expect((await as(cookies.alice).post(`/posts/${help.id}/accept`)).error.fields?.[0]?.path).toBe(
      'accountId',
    );
  });

  it('holds the minutes when a neighbour takes the request up; only the one helped confirms', async () => {
    const taken = (await as(cookies.bob).post(`/posts/${help.id}/accept`)).body(portalPostSchema);
    expect(taken).toMatchObject({ status: 'accepted', myRole: 'helper', canConfirm: false, canCancel: true });
    expect(await balance(cookies.alice)).toBe(30);
    const byHelper = await as(cookies.bob).post(`/posts/${help.id}/confirm`);
    expect(byHelper.status).toBe(403);
    expect(byHelper.error.code).toBe('timebank.confirm_by_helped');
    const byPoster = await as(cookies.alice).post(`/posts/${help.id}/cancel`);
    expect(byPoster.status).toBe(403);
    expect(byPoster.error.code).toBe('timebank.cancel_not_yours');
    for (const cookie of [cookies.carol, cookies.dave]) {
      expect((await as(cookie).post(`/posts/${help.id}/confirm`)).status).toBe(404);
      expect((await as(cookie).post(`/posts/${help.id}/cancel`)).status).toBe(404);
    }
    expect((await board(cookies.carol)).map((post) => post.id)).not.toContain(help.id);
    const mine = (await board(cookies.alice)).find((post) => post.id === help.id);
    expect(mine).toMatchObject({ myRole: 'helped', canConfirm: true, canCancel: false });
    const confirmed = (await as(cookies.alice).post(`/posts/${help.id}/confirm`)).body(portalPostSchema);
    expect(confirmed.status).toBe('confirmed');
    expect(await balance(cookies.bob)).toBe(90);
    expect((await as(cookies.alice).post(`/posts/${help.id}/confirm`)).status).toBe(409);
  });

  it('lets the helper of a taken offer back out, refunding the one who took it', async () => {
    const offer = (
      await as(cookies.alice).post(
        '/posts',
        request({ kind: 'offer', category: 'repair', title: '免费修自行车', minutes: 20 }),
      )
    ).body(portalPostSchema);
    const taken = (await as(cookies.carol).post(`/posts/${offer.id}/accept`)).body(portalPostSchema);
    expect(taken).toMatchObject({ myRole: 'helped', canConfirm: true, canCancel: false });
    expect(await balance(cookies.carol)).toBe(40);
    expect((await as(cookies.carol).post(`/posts/${offer.id}/cancel`)).error.code).toBe(
      'timebank.cancel_not_yours',
    );
    expect((await as(cookies.bob).post(`/posts/${offer.id}/cancel`)).status).toBe(404);
    const cancelled = (await as(cookies.alice).post(`/posts/${offer.id}/cancel`)).body(portalPostSchema);
    expect(cancelled).toMatchObject({ status: 'cancelled', myRole: 'helper', canCancel: false });
    expect(await balance(cookies.carol)).toBe(60);
  });

  it('lets the poster withdraw an open post, and no one else', async () => {
    const open = (await as(cookies.bob).post('/posts', request({ title: '找人陪同散步' }))).body(
      portalPostSchema,
    );
    expect((await as(cookies.carol).post(`/posts/${open.id}/cancel`)).status).toBe(404);
    const withdrawn = (await as(cookies.bob).post(`/posts/${open.id}/cancel`)).body(portalPostSchema);
    expect(withdrawn.status).toBe('cancelled');
    expect((await board(cookies.carol)).map((post) => post.id)).not.toContain(open.id);
    expect((await board(cookies.bob)).find((post) => post.id === open.id)?.status).toBe('cancelled');
    const check = await ledgerCheck(env);
    expect(check).toMatchObject({ total: 0, mismatched: [], outOfBounds: [], unpaired: 0 });
  });

  it('pages the board with a cursor it made, and refuses one it did not', async () => {
    for (const title of ['一', '二', '三'])
      await as(cookies.carol).post('/posts', request({ title: `帮忙${title}` }));
    const first = (await as(cookies.bob).get('/posts?limit=2')).body(portalPostPageSchema);
    expect(first.items).toHaveLength(2);
    const rest = (
      await as(cookies.bob).get(`/posts?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)
    ).body(portalPostPageSchema);
    expect(rest.items.map((post) => post.id)).not.toContain(first.items[0]!.id);
    const bad = await as(cookies.bob).get('/posts?cursor=forged');
    expect(bad.error.fields?.[0]?.path).toBe('querystring.cursor');
  });
});
