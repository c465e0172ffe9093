import { beforeAll, expect, it } from 'vitest';
import { cockpitSchema } from '../../../shared/api/cockpit.js';
import { createdSchema } from '../../../shared/api/timebank.js';
import { DISTRICT, describeEachDialect, QINGNIAN } from '../../testing/test-env.js';
import { rebuildRollups, rollupsRepository } from '../cockpit/index.js';
import { organizationAccount, personAccounts } from './testing.js';
import type { TimebankAccount } from './timebank.tables.js';

const COUNTER = 'tb.circulated_minutes';

describeEachDialect('time bank: the cockpit circulation counter', (env) => {
  let people: TimebankAccount[] = [];
  let team: TimebankAccount;
  let secretary = '';
  const kept = async () =>
    (await rollupsRepository.allOf(env.database.db, DISTRICT))
      .filter((row) => row.counter === COUNTER)
      .map((row) => ({ ...row, value: Number(row.value) }));
  const transfer = async (from: string, to: string, minutes: number) => {
    const response = await env.inject('POST', '/api/timebank/transfers', {
      cookie: secretary,
      body: { from, to, minutes },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.body(createdSchema).id;
  };

  beforeAll(async () => {
    people = await personAccounts(env, QINGNIAN, 2);
    team = await organizationAccount(env, QINGNIAN, '青年社区互助队');
    secretary = (await env.loginAs({ role: 'secretary', regionCode: QINGNIAN })).cookie;
  });

  it('counts transfers and donations, not grants or reversals, and equals a recount', async () => {
    // The starter grants of the accounts above are not circulation.
    expect(await kept()).toEqual([]);
    await transfer(team.id, people[0]!.id, 40);
    const undone = await transfer(people[0]!.id, people[1]!.id, 25);
    const reversal = await env.inject('POST', `/api/timebank/transfers/${undone}/reverse`, {
      cookie: secretary,
      body: {},
    });
    expect(reversal.status, JSON.stringify(reversal.json)).toBe(201);
    const donation = await env.inject('POST', '/api/timebank/donations', {
      cookie: secretary,
      body: { from: people[1]!.id, minutes: 5 },
    });
    expect(donation.status, JSON.stringify(donation.json)).toBe(201);
    // A refused transfer (more than the floor allows) rolls the counter back with it.
    const refused = await env.inject('POST', '/api/timebank/transfers', {
      cookie: secretary,
      body: { from: people[1]!.id, to: people[0]!.id, minutes: 999_999 },
    });
    expect(refused.status).toBe(409);

    const counted = await kept();
    const district = counted.find((row) => row.region_code === DISTRICT);
    expect(district?.value).toBe(40 + 25 + 5);
    await rebuildRollups(env.ctx);
    expect(await kept()).toEqual(counted);

    const cockpit = await env.inject('GET', `/api/cockpit?region=${QINGNIAN}`, { cookie: secretary });
    expect(cockpit.status).toBe(200);
    expect(cockpit.body(cockpitSchema).values.timebank_circulation).toBe(Math.round((70 / 60) * 10) / 10);
  });
});
