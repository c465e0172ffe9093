import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { expect } from 'vitest';
import { z } from 'zod';
import { itemSchema } from '../../../shared/api/timebank.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createOrganization, createResidents } from '../member-workflows/testing.js';
import { newPhone, residentLogin } from '../portal/testing.js';
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
    // Each of these routes answers the created record; only its id is needed here.
    return response.body(z.object({ id: z.string() }).loose());
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

/** A love-supermarket item of a community, stocked through the API (timebank.redeem); answers its id. */
export async function stockItem(
  env: TestEnv,
  cookie: string,
  regionCode: string,
  name: string,
  options: { priceMinutes?: number; stock?: number } = {},
): Promise<string> {
  const response = await env.inject('POST', '/api/timebank/items', {
    cookie,
    body: { regionCode, name, priceMinutes: options.priceMinutes ?? 1, stock: options.stock ?? 100 },
  });
  if (response.status !== 201) throw new Error(`item: ${JSON.stringify(response.json)}`);
  return response.body(itemSchema).id;
}

/** A board post open for a week; staff add the poster's `accountId`, a resident posts it as it is. */
export const boardPostBody = (env: TestEnv, title: string, kind: 'offer' | 'request' = 'request') => ({
  kind,
  category: 'companionship',
  title,
  minutes: 10,
  expiresAt: new Date(env.now().getTime() + 7 * 86_400_000).toISOString(),
});

/** A statement workbook read back: the summary's figures and the rows of the month. */
export async function readStatementWorkbook(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const [summary, lines] = workbook.worksheets;
  const figure = (label: string) => {
    let value: unknown;
    summary!.eachRow((row) => {
      if (row.getCell(1).value === label) value = row.getCell(2).value;
    });
    return value;
  };
  const rows: { kind: string; counterparty: string; memo: string; minutes: number; balance: number }[] = [];
  lines!.eachRow((row, n) => {
    if (n === 1) return;
    rows.push({
      kind: String(row.getCell(2).value),
      counterparty: String(row.getCell(3).value),
      memo: String(row.getCell(4).value ?? ''),
      minutes: Number(row.getCell(5).value),
      balance: Number(row.getCell(6).value),
    });
  });
  return {
    sheets: workbook.worksheets.map((sheet) => sheet.name),
    heading: (lines!.getRow(1).values as unknown[]).slice(1).map(String),
    account: figure('账户'),
    month: figure('对账月份'),
    opening: Number(figure('期初余额')),
    credits: Number(figure('本月收入')),
    debits: Number(figure('本月支出')),
    closing: Number(figure('期末余额')),
    rows,
  };
}

/** The text of a PDF with all white space taken out (pdf-parse breaks lines where it likes). */
export async function pdfText(content: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, '');
}

/** Opening plus every row is the closing balance, and each row's balance runs on from the one before. */
export function expectFiguresAddUp(statement: Awaited<ReturnType<typeof readStatementWorkbook>>): void {
  let running = statement.opening;
  for (const row of statement.rows) {
    running += row.minutes;
    expect(row.balance).toBe(running);
  }
  expect(statement.closing).toBe(running);
  const sum = (sign: 1 | -1) =>
    statement.rows
      .filter((row) => row.minutes * sign > 0)
      .reduce((total, row) => total + row.minutes * sign, 0);
  expect(statement.credits).toBe(sum(1));
  expect(statement.debits).toBe(sum(-1));
}

/** A name as shown to someone who may not know it: its first character, then one star for each other. */
export const maskedName = (name: string): string => `${[...name][0]}${'*'.repeat([...name].length - 1)}`;

/**
 * A resident of the portal linked to a register person: the person's phone is set to a fresh
 * number (as the register would hold it: encrypted, with its blind index), and the resident signs
 * in with it, which links the portal account to that person. Answers the resident cookie.
 */
export async function linkedResident(env: TestEnv, personId: string): Promise<string> {
  const phone = newPhone();
  await env.database.db
    .updateTable('persons')
    .set({
      phone_enc: env.ctx.crypto.encrypt('person.phone', phone),
      phone_bidx: env.ctx.crypto.blindIndex('person.phone', phone),
    })
    .where('id', '=', personId)
    .execute();
  return residentLogin(env, phone);
}
