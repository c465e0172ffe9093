import { beforeAll, expect, it } from 'vitest';
import { pairingDetailSchema, pairingPageSchema, pairingTotalsSchema } from '../../../shared/api/pairings.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { type PairingWorld, pair, pairingBody, pairingWorld } from './testing.js';

describeEachDialect('pairings: bad input, contacts, support, outcomes, end, scope', (env) => {
  let world: PairingWorld;
  let other: PairingWorld;

  beforeAll(async () => {
    world = await pairingWorld(env, QINGNIAN, 14, 3);
    other = await pairingWorld(env, SHANGHAI_XINCUN, 4, 1);
  });

  it('refuses bad input on the pairing form, naming each field, and writes nothing', async () => {
    const helper = world.secretary.id;
    const household = world.households[0]!.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ helperKind: 'cadre' }, 'helperKind'],
      [{ helperId: 'nobody' }, 'helperId'],
      [{ targetKind: 'person' }, 'targetKind'],
      [{ targetId: '' }, 'targetId'],
      [{ goals: ' ' }, 'goals'],
      [{ startedOn: '2026-02-30' }, 'startedOn'],
      [{ nextContactOn: 'soon' }, 'nextContactOn'],
      [{ startedOn: '2999-01-01' }, 'startedOn'],
      [{ helperId: '01900000-0000-7000-8000-0000000000aa' }, 'helperId'],
      [{ helperKind: 'member', helperId: world.secretary.id }, 'helperId'],
      [{ targetId: world.households.at(-1)!.id }, 'targetId'],
      [{ targetId: other.households[0]!.id }, 'targetId'],
      [{ targetKind: 'region', targetId: world.gridCode }, 'targetId'],
      [{ targetKind: 'enterprise', targetId: household }, 'targetId'],
    ];
    for (const [override, field] of cases) {
      const r = await env.inject('POST', '/api/pairings', {
        cookie: world.secretary.cookie,
        body: pairingBody(helper, household, override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const english = await env.inject('POST', '/api/pairings', {
      cookie: world.secretary.cookie,
      body: pairingBody(helper, world.households.at(-1)!.id),
      headers: { 'accept-language': 'en' },
    });
    expect(english.error.fields?.[0]?.message).toBe(
      'this household carries no difficulty tag (低保户, 特困)',
    );
    const chinese = await env.inject('POST', '/api/pairings', {
      cookie: world.secretary.cookie,
      body: pairingBody(helper, household, { goals: '' }),
    });
    expect(chinese.error.fields?.[0]?.message).toBe('请填写帮扶目标（至少 2 个字）');
    expect(await env.countRows('pairings')).toBe(0);
  });

  it('pairs a household, records contacts, support and outcomes, and refuses bad entries', async () => {
    const id = await pair(env, world.gridWorker.cookie, world.secretary.id, world.households[0]!.id, {
      nextContactOn: '2026-02-01',
    });
    const again = await env.inject('POST', '/api/pairings', {
      cookie: world.gridWorker.cookie,
      body: pairingBody(world.secretary.id, world.households[0]!.id),
    });
    expect(again.status).toBe(409);

    const bad: [string, Record<string, unknown>, string][] = [
      ['contacts', { contactedOn: '2026-13-01', method: 'visit', note: '了解近况' }, 'contactedOn'],
      ['contacts', { contactedOn: '2026-01-10', method: 'letter', note: '了解近况' }, 'method'],
      ['contacts', { contactedOn: '2026-01-10', method: 'visit', note: '' }, 'note'],
      ['contacts', { contactedOn: '2025-12-31', method: 'visit', note: '了解近况' }, 'contactedOn'],
      ['supports', { givenOn: '2026-01-10', kind: 'love', description: '米面油' }, 'kind'],
      [
        'supports',
        { givenOn: '2026-01-10', kind: 'money', amountFen: -5, description: '慰问金' },
        'amountFen',
      ],
      [
        'supports',
        { givenOn: '2026-01-10', kind: 'money', amountFen: 1.5, description: '慰问金' },
        'amountFen',
      ],
      ['supports', { givenOn: '2026-01-10', kind: 'money', description: '慰问金' }, 'amountFen'],
      ['outcomes', { achievedOn: '2026-01-10', description: 'x' }, 'description'],
      ['end', { reason: 'bored', note: '不再需要', endedOn: '2026-01-10' }, 'reason'],
      ['end', { reason: 'goals_met', note: '..', endedOn: '2026-01-10' }, 'note'],
    ];
    for (const [path, body, field] of bad) {
      const r = await env.inject('POST', `/api/pairings/${id}/${path}`, {
        cookie: world.gridWorker.cookie,
        body,
      });
      expect(r.status, `${path} ${field}`).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await env.countRows('pairing_contacts')).toBe(0);
    expect(await env.countRows('pairing_supports')).toBe(0);

    const cookie = world.gridWorker.cookie;
    const contact = await env.inject('POST', `/api/pairings/${id}/contacts`, {
      cookie,
      body: {
        contactedOn: '2026-01-10',
        method: 'visit',
        note: '入户了解就业意愿',
        nextContactOn: '2026-02-10',
      },
    });
    expect(contact.status).toBe(200);
    expect(contact.body(pairingDetailSchema).nextContactOn).toBe('2026-02-10');
    for (const body of [
      { givenOn: '2026-01-12', kind: 'money', amountFen: 50_000, description: '春节慰问金' },
      { givenOn: '2026-01-13', kind: 'goods', amountFen: 12_000, description: '米面油' },
      { givenOn: '2026-01-14', kind: 'services', description: '推荐就业岗位' },
    ]) {
      const r = await env.inject('POST', `/api/pairings/${id}/supports`, { cookie, body });
      expect(r.status).toBe(200);
    }
    const outcome = await env.inject('POST', `/api/pairings/${id}/outcomes`, {
      cookie,
      body: { achievedOn: '2026-01-20', description: '户主已在园区企业上岗' },
    });
    const detail = outcome.body(pairingDetailSchema);
    expect(detail).toMatchObject({
      status: 'active',
      targetKind: 'household',
      helperKind: 'user',
      supportFen: 62_000,
      goals: '稳定增收，子女就学',
    });
    expect(detail.contacts).toEqual([expect.objectContaining({ method: 'visit', onDay: '2026-01-10' })]);
    expect(detail.supports.map((s) => s.kind)).toEqual(['services', 'goods', 'money']);
    expect(detail.outcomes[0]!.description).toBe('户主已在园区企业上岗');

    const ended = await env.inject('POST', `/api/pairings/${id}/end`, {
      cookie,
      body: { reason: 'goals_met', note: '已稳定就业', endedOn: '2026-01-25' },
    });
    expect(ended.body(pairingDetailSchema)).toMatchObject({
      status: 'ended',
      endReason: 'goals_met',
      endNote: '已稳定就业',
    });
    const late = await env.inject('POST', `/api/pairings/${id}/contacts`, {
      cookie,
      body: { contactedOn: '2026-01-26', method: 'phone', note: '回访' },
    });
    expect(late.status).toBe(409);
  });

  it('pairs organizations and accounts with communities and enterprises, and counts them for the cockpit', async () => {
    const enterprise = await env.database.db
      .insertInto('enterprises')
      .values({
        id: '01900000-0000-7000-8000-000000000e01',
        district_code: '230108',
        region_code: QINGNIAN,
        name: '平房示范企业',
        credit_code: '91350100M000100Y43',
        address: '友协大街1号',
        created_at: env.now().toISOString(),
        updated_at: env.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cookie = world.secretary.cookie;
    await pair(env, cookie, world.gridWorker.id, QINGNIAN, { targetKind: 'region' });
    await pair(env, cookie, world.secretary.id, enterprise.id, { targetKind: 'enterprise' });
    await pair(env, cookie, world.gridWorker.id, enterprise.id, { targetKind: 'enterprise' });
    await pair(env, cookie, world.secretary.id, world.households[1]!.id);
    const totals = await env.inject('GET', `/api/pairing-totals?region=${QINGNIAN}`, { cookie });
    expect(totals.body(pairingTotalsSchema)).toEqual({
      regionCode: QINGNIAN,
      activePairings: 4,
      enterprises: 1,
      regions: 1,
      households: 1,
      supportFen: 62_000,
    });
    const list = await env.inject('GET', '/api/pairings?targetKind=enterprise', { cookie });
    expect(list.body(pairingPageSchema).items.map((p) => p.targetName)).toEqual([
      '平房示范企业',
      '平房示范企业',
    ]);
  });

  it('answers another community’s pairing as not found, and a filter outside one’s scope too', async () => {
    const theirs = await pair(env, other.secretary.cookie, other.secretary.id, other.households[0]!.id);
    const cookie = world.secretary.cookie;
    expect((await env.inject('GET', `/api/pairings/${theirs}`, { cookie })).status).toBe(404);
    const contact = await env.inject('POST', `/api/pairings/${theirs}/contacts`, {
      cookie,
      body: { contactedOn: '2026-01-10', method: 'visit', note: '越权记录' },
    });
    expect(contact.status).toBe(404);
    expect((await env.inject('GET', `/api/pairings?region=${SHANGHAI_XINCUN}`, { cookie })).status).toBe(404);
    const mine = await env.inject('GET', '/api/pairings', { cookie });
    expect(mine.body(pairingPageSchema).items.map((p) => p.id)).not.toContain(theirs);
    expect(await env.countRows('pairing_contacts')).toBe(1);
  });
});
