import { accountListSchema, voucherDetailSchema } from '../../../shared/api/funds.js';
import type { Organization } from '../../db/tables.js';
import type { TestEnv } from '../../testing/test-env.js';
import { createOrganization } from '../member-workflows/testing.js';

/** Fixtures for the dues and ledger tests (and the authorization matrix). */

/** Today and earlier months as the server sees them (Beijing calendar). */
export const beijingToday = (env: TestEnv): string =>
  new Date(env.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const monthsAgo = (env: TestEnv, n: number): string => {
  const [y, m] = beijingToday(env).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** An organization with its ledger opened; answers it and its accounts by code. */
export async function ledgerOf(
  env: TestEnv,
  cookie: string,
  options: { regionCode: string; name: string },
): Promise<{ org: Organization; accounts: Record<string, string> }> {
  const org = await createOrganization(env, options);
  const opened = await env.inject('POST', `/api/organizations/${org.id}/fund-ledger`, { cookie });
  if (opened.status !== 201) throw new Error(`ledger: ${opened.status} ${JSON.stringify(opened.json)}`);
  const accounts = Object.fromEntries(opened.body(accountListSchema).items.map((a) => [a.code, a.id]));
  return { org, accounts };
}

/** A two-line voucher body: debit `debit`, credit `credit`, `fen` each. */
export const twoLines = (
  accounts: Record<string, string>,
  debit: string,
  credit: string,
  fen: number,
  overrides: Record<string, unknown> = {},
) => ({
  date: overrides.date ?? '',
  summary: '收到街道党建工作经费',
  kind: 'income',
  lines: [
    { accountId: accounts[debit], debitFen: fen, creditFen: 0 },
    { accountId: accounts[credit], debitFen: 0, creditFen: fen },
  ],
  ...overrides,
});

/** Makes a voucher as `cookie`; answers it (throws on anything but 201). */
export async function makeVoucher(env: TestEnv, cookie: string, organizationId: string, body: unknown) {
  const made = await env.inject('POST', `/api/organizations/${organizationId}/fund-vouchers`, {
    cookie,
    body,
  });
  if (made.status !== 201) throw new Error(`voucher: ${made.status} ${JSON.stringify(made.json)}`);
  return made.body(voucherDetailSchema);
}

/** The authorization matrix's voucher: a small income voucher in a fresh ledger of `community`. */
export async function voucherMatrixFixture(
  env: TestEnv,
  adminCookie: string,
  community: string,
): Promise<string> {
  const { org, accounts } = await ledgerOf(env, adminCookie, {
    regionCode: community,
    name: `${community}经费账簿`,
  });
  const voucher = await makeVoucher(
    env,
    adminCookie,
    org.id,
    twoLines(accounts, '1002', '4101', 50_000, { date: beijingToday(env) }),
  );
  return voucher.id;
}
