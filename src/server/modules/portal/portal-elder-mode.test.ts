import { beforeAll, describe, expect, it } from 'vitest';
import { meSchema } from '../../../shared/api/portal.js';
import { describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { createResidents } from '../member-workflows/testing.js';
import { ageOn } from '../register/index.js';
import { residentLogin } from './testing.js';

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    const now = new Date('2026-06-15T08:00:00Z');
    expect(ageOn('1956-06-15', now)).toBe(70);
    expect(ageOn('1956-06-16', now)).toBe(69);
    expect(ageOn('1956-01-01', now)).toBe(70);
  });

  it('turns a year older at midnight in Beijing, while the UTC date is still the day before', () => {
    const beijingMorning = new Date('2026-06-14T23:30:00Z'); // 07:30 on 15 June in Beijing
    expect(ageOn('1956-06-15', beijingMorning)).toBe(70);
    expect(ageOn('1956-06-15', new Date('2026-06-14T15:59:00Z'))).toBe(69);
  });
});

describeEachDialect('portal elder mode', (env) => {
  let people: { id: string; name: string; regionCode: string }[] = [];
  let phones: string[] = [];

  beforeAll(async () => {
    ({ people } = await createResidents(env, QINGNIAN, 3));
    phones = [];
    for (const person of people) {
      const row = await env.database.db
        .selectFrom('persons')
        .select('phone_enc')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      phones.push(env.ctx.crypto.decrypt('person.phone', row.phone_enc!));
    }
    // people[0]: a young resident without tags; people[1]: 75 years old; people[2]: young, tagged 独居老人.
    const db = env.database.db;
    await db
      .deleteFrom('person_tags')
      .where(
        'person_id',
        'in',
        people.map((p) => p.id),
      )
      .execute();
    const young = `${env.now().getUTCFullYear() - 30}-03-01`;
    const old = `${env.now().getUTCFullYear() - 75}-03-01`;
    await db
      .updateTable('persons')
      .set({ birth_date: young })
      .where('id', 'in', [people[0]!.id, people[2]!.id])
      .execute();
    await db.updateTable('persons').set({ birth_date: old }).where('id', '=', people[1]!.id).execute();
    let tag = await db.selectFrom('tags').select('code').where('name', '=', '独居老人').executeTakeFirst();
    if (!tag) {
      await db
        .insertInto('tags')
        .values({ code: 'elder-test', name: '独居老人', sort: 99, created_at: env.now().toISOString() })
        .execute();
      tag = { code: 'elder-test' };
    }
    const district = await db
      .selectFrom('persons')
      .select('district_code')
      .where('id', '=', people[2]!.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('person_tags')
      .values({ person_id: people[2]!.id, tag_code: tag.code, district_code: district.district_code })
      .execute();
  });

  const me = async (cookie: string) => (await env.inject('GET', '/api/portal/me', { cookie })).body(meSchema);

  it('suggests it to a resident aged 70 or more and to one tagged 独居老人, as a bare boolean', async () => {
    const young = await me(await residentLogin(env, phones[0]!));
    const old = await me(await residentLogin(env, phones[1]!));
    const tagged = await me(await residentLogin(env, phones[2]!));
    expect([young.suggestElderMode, old.suggestElderMode, tagged.suggestElderMode]).toEqual([
      false,
      true,
      true,
    ]);
    expect([young.elderMode, old.elderMode, tagged.elderMode]).toEqual([null, null, null]);
    // Nothing of why: no age, no birth date, no tag in the answer.
    expect(Object.keys(old).sort()).toEqual(
      ['elderMode', 'homeRegionCode', 'name', 'phone', 'suggestElderMode'].sort(),
    );
    expect(JSON.stringify(tagged)).not.toContain('独居');
  });

  it('remembers the choice on the account, audited, and suggests no more once chosen (either way)', async () => {
    env.advanceMinutes(2); // past the once-a-minute code limit of the first test's sign-ins
    const cookie = await residentLogin(env, phones[1]!);
    const off = await env.inject('PUT', '/api/portal/me/elder-mode', { cookie, body: { on: false } });
    expect(off.status).toBe(200);
    expect(off.body(meSchema)).toMatchObject({ elderMode: false, suggestElderMode: false });
    const on = await env.inject('PUT', '/api/portal/me/elder-mode', { cookie, body: { on: true } });
    expect(on.body(meSchema)).toMatchObject({ elderMode: true, suggestElderMode: false });
    env.advanceMinutes(2);
    const again = await me(await residentLogin(env, phones[1]!));
    expect(again).toMatchObject({ elderMode: true, suggestElderMode: false });
    const audit = await env.database.db
      .selectFrom('audit_log')
      .select(['summary', 'actor_name'])
      .where('action', '=', 'portal.elder_mode')
      .execute();
    expect(audit.map((row) => JSON.parse(row.summary) as { on: boolean })).toEqual(
      expect.arrayContaining([{ on: false }, { on: true }]),
    );
  });

  it('refuses a body without a yes or no, naming the field, and changes nothing', async () => {
    env.advanceMinutes(2);
    const cookie = await residentLogin(env, phones[0]!);
    for (const payload of [{}, { on: 'yes' }, { on: true, extra: 1 }]) {
      const response = await env.inject('PUT', '/api/portal/me/elder-mode', { cookie, body: payload });
      expect(response.status).toBe(400);
      expect(response.error.fields?.length).toBeGreaterThan(0);
      if (!('extra' in payload)) expect(response.error.fields?.[0]?.path).toBe('on');
    }
    expect((await me(cookie)).elderMode).toBeNull();
  });

  it('refuses without a resident session', async () => {
    const response = await env.inject('PUT', '/api/portal/me/elder-mode', { body: { on: true } });
    expect(response.status).toBe(401);
  });
});
