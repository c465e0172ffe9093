import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createOrganization, createResidents } from '../member-workflows/testing.js';
import { limitsOf } from './ledger.js';
import { TimebankService } from './timebank.service.js';
import type { TimebankAccount } from './timebank.tables.js';

/**
 * Fixtures for the time-bank tests: residents through the importer, their accounts through the
 * service (with the starter grant), and an organization account to fund them from.
 */

export async function personAccounts(
  env: TestEnv,
  community: string,
  count: number,
): Promise<TimebankAccount[]> {
  const { people } = await createResidents(env, community, count);
  // No register tags: tests that need one (the fund's eligibility) add it themselves.
  await env.database.db
    .deleteFrom('person_tags')
    .where(
      'person_id',
      'in',
      people.map((p) => p.id),
    )
    .execute();
  const service = new TimebankService(env.ctx);
  const scope = new Scope([community.slice(0, 6)], env.dialect);
  const accounts: TimebankAccount[] = [];
  for (const person of people) {
    const opened = await service.open(scope, { ownerKind: 'person', ownerId: person.id }, SYSTEM_ACTOR);
    accounts.push(opened.account);
  }
  return accounts;
}

/** An organization's account (floor below zero by default): the source of minutes in tests. */
export async function organizationAccount(
  env: TestEnv,
  community: string,
  name: string,
): Promise<TimebankAccount> {
  const organization = await createOrganization(env, { regionCode: community, name, kind: 'volunteer_team' });
  const opened = await new TimebankService(env.ctx).open(
    new Scope([community.slice(0, 6)], env.dialect),
    { ownerKind: 'organization', ownerId: organization.id },
    SYSTEM_ACTOR,
  );
  return opened.account;
}

/** Every account's cached balance against the sum of its ledger rows, and the sum of all rows. */
export async function ledgerCheck(env: TestEnv): Promise<{
  total: number;
  mismatched: string[];
  outOfBounds: string[];
  unpaired: number;
}> {
  const { db } = env.database;
  const sums = await db
    .selectFrom('timebank_ledger')
    .select(['account_id', (eb) => eb.fn.sum<number>('minutes').as('sum')])
    .groupBy('account_id')
    .execute();
  const byAccount = new Map(sums.map((row) => [row.account_id, Number(row.sum)]));
  const accounts = await db.selectFrom('timebank_accounts').selectAll().execute();
  const mismatched: string[] = [];
  const outOfBounds: string[] = [];
  for (const account of accounts) {
    const balance = Number(account.balance_minutes);
    if ((byAccount.get(account.id) ?? 0) !== balance)
      mismatched.push(`${account.owner_key}: ${balance} ≠ ${byAccount.get(account.id) ?? 0}`);
    const limits = (await limitsOf(db, account.district_code))[account.owner_kind];
    if (balance < limits.floorMinutes || balance > limits.ceilingMinutes)
      outOfBounds.push(`${account.owner_key}: ${balance}`);
  }
  const unpaired = await db
    .selectFrom('timebank_ledger')
    .select([
      'transfer_id',
      (eb) => eb.fn.sum<number>('minutes').as('sum'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('transfer_id')
    .execute();
  return {
    total: [...byAccount.values()].reduce((a, b) => a + b, 0),
    mismatched,
    outOfBounds,
    unpaired: unpaired.filter((row) => Number(row.sum) !== 0 || Number(row.n) !== 2).length,
  };
}

/**
 * For the authorization matrix: two residents' accounts of a community with minutes, a transfer
 * between them, an open request by the first and a stocked item, all made through the API.
 */
export async function timebankFixtures(
  env: TestEnv,
  adminCookie: string,
  community: string,
  personIds: [string, string],
): Promise<{ account: string; otherAccount: string; transfer: string; post: string; item: string }> {
  const call = async (url: string, body: Record<string, unknown>) => {
    const response = await env.inject('POST', url, { cookie: adminCookie, body });
    if (response.status >= 300) throw new Error(`${url}: ${JSON.stringify(response.json)}`);
    return response.json as { id: string };
  };
  const account = await call('/api/timebank/accounts', { ownerKind: 'person', ownerId: personIds[0] });
  const otherAccount = await call('/api/timebank/accounts', { ownerKind: 'person', ownerId: personIds[1] });
  const transfer = await call('/api/timebank/transfers', {
    from: account.id,
    to: otherAccount.id,
    minutes: 2,
  });
  const post = await call('/api/timebank/posts', {
    kind: 'request',
    category: 'companionship',
    title: '陪老人散步',
    minutes: 2,
    accountId: account.id,
    expiresAt: new Date(env.now().getTime() + 7 * 86_400_000).toISOString(),
  });
  const item = await call('/api/timebank/items', {
    regionCode: community,
    name: '食用油',
    priceMinutes: 1,
    stock: 100,
  });
  return {
    account: account.id,
    otherAccount: otherAccount.id,
    transfer: transfer.id,
    post: post.id,
    item: item.id,
  };
}
