import { beforeAll, expect, it } from 'vitest';
import { changeRequestPageSchema, changeRequestSchema, visitSchema } from '../../../shared/api/visits.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN, type TestResponse } from '../../testing/test-env.js';

import { createResidents } from '../member-workflows/testing.js';
import { visitBody } from './testing.js';

describeEachDialect('大走访: register changes seen on visits', (env) => {
  let secretary = '';
  let gridWorker = { cookie: '', id: '' };
  let otherSecretary = '';
  let grid = '';
  let households: { id: string; personIds: string[] }[] = [];

  beforeAll(async () => {
    const residents = await createResidents(env, QINGNIAN, 12);
    grid = residents.gridCode;
    const rows = await env.database.db
      .selectFrom('persons')
      .select(['id', 'household_id'])
      .where(
        'id',
        'in',
        residents.people.map((p) => p.id),
      )
      .orderBy('household_id')
      .orderBy('id')
      .execute();
    const byHousehold = new Map<string, string[]>();
    for (const row of rows)
      byHousehold.set(row.household_id!, [...(byHousehold.get(row.household_id!) ?? []), row.id]);
    households = [...byHousehold].map(([id, personIds]) => ({ id, personIds }));
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
    gridWorker = await env.loginAs({ role: 'grid_worker', regionCode: grid });
    otherSecretary = (await env.loginAs({ role: 'secretary', regionCode: SHANGHAI_XINCUN })).cookie;
  });

  const fields = (response: TestResponse) => (response.error.fields ?? []).map((f) => f.path);

  it('queues register changes seen on a visit; the community confirms (applied with audit) or rejects them', async () => {
    const household = households.find((h) => h.personIds.length >= 2) ?? households[0]!;
    const [first, second] = household.personIds;
    const visit = await env.inject('POST', '/api/visits', {
      cookie: gridWorker.cookie,
      body: visitBody(env, household.id, {
        changes: [
          { kind: 'new_phone', personId: first, value: '13998765432' },
          { kind: 'moved_out', personId: second ?? first, note: '搬去女儿家' },
        ],
      }),
    });
    expect(visit.status).toBe(201);
    const phoneBefore = (
      await env.database.db
        .selectFrom('persons')
        .select('phone_bidx')
        .where('id', '=', first!)
        .executeTakeFirstOrThrow()
    ).phone_bidx;
    const queue = await env.inject('GET', `/api/visit-change-requests?status=pending&region=${grid}`, {
      cookie: secretary,
    });
    const visitId = visit.body(visitSchema).id;
    const requests = queue.body(changeRequestPageSchema).items.filter((r) => r.visitId === visitId);
    expect(requests.map((r) => r.kind).sort()).toEqual(['moved_out', 'new_phone']);
    const phone = requests.find((r) => r.kind === 'new_phone')!;
    expect(phone.value).toBe('139****5432');
    const movedOut = requests.find((r) => r.kind === 'moved_out')!;
    // Until decided, the register is untouched.
    const untouched = await env.database.db
      .selectFrom('persons')
      .select(['phone_bidx'])
      .where('id', '=', first!)
      .executeTakeFirstOrThrow();
    expect(untouched.phone_bidx).toBe(phoneBefore);

    expect(
      (
        await env.inject('POST', `/api/visit-change-requests/${phone.id}/decision`, {
          cookie: gridWorker.cookie,
          body: { decision: 'confirm' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await env.inject('POST', `/api/visit-change-requests/${phone.id}/decision`, {
          cookie: otherSecretary,
          body: { decision: 'confirm' },
        })
      ).status,
    ).toBe(404);
    expect(
      fields(
        await env.inject('POST', `/api/visit-change-requests/${phone.id}/decision`, {
          cookie: secretary,
          body: { decision: 'maybe' },
        }),
      ),
    ).toEqual(['decision']);

    const confirmed = await env.inject('POST', `/api/visit-change-requests/${phone.id}/decision`, {
      cookie: secretary,
      body: { decision: 'confirm', note: '电话核实' },
    });
    expect(confirmed.json).toMatchObject({ status: 'confirmed', value: '139****5432' });
    const person = await env.database.db
      .selectFrom('persons')
      .select(['phone_bidx'])
      .where('id', '=', first!)
      .executeTakeFirstOrThrow();
    expect(person.phone_bidx).toBe(env.ctx.crypto.blindIndex('person.phone', '13998765432'));
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', 'in', [first!, phone.id])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['person.corrected', 'visit.change_confirmed']),
    );
    const twice = await env.inject('POST', `/api/visit-change-requests/${phone.id}/decision`, {
      cookie: secretary,
      body: { decision: 'reject' },
    });
    expect(twice.status).toBe(409);

    const rejected = await env.inject('POST', `/api/visit-change-requests/${movedOut.id}/decision`, {
      cookie: secretary,
      body: { decision: 'reject', note: '仍在本户居住' },
    });
    expect(rejected.body(changeRequestSchema).status).toBe('rejected');
    const stays = await env.database.db
      .selectFrom('persons')
      .select('status')
      .where('id', '=', second ?? first!)
      .executeTakeFirstOrThrow();
    expect(stays.status).toBe('active');
  });
});
