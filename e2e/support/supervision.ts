import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type ResidentCells, residentRows, writeResidentXlsx } from '../../src/server/fixtures/resident-rows';
import { REVIEW_KPIS } from '../../src/shared/api/reviews';
import { type ApiClient, createRegion, createUser, waitForImport } from './api';
import { docsScreenshotsDir } from './screenshots';
import { signIn } from './ui';

/** The people and places of the supervision browser test (e2e/supervision.e2e.ts). */

/** 保国街道 and its four communities (no street of 平房区 has exactly three). */
export const BAOGUO = '230108002';
export const QIANJINLI = { code: '230108002001', name: '前进里社区' };
export const HUAHUI = { code: '230108002002', name: '花卉社区' };
export const DONGSHENG = { code: '230108002003', name: '东升社区' };
export const YOUJI = { code: '230108002004', name: '友集社区' };

/** 前进里社区's secretary: records the meetings, designs the survey, makes the fund's vouchers. */
export const SECRETARY = {
  username: 'qjl_secretary',
  displayName: '前进里社区书记',
  password: 'Front-Line-2026-Qx',
};
/** The community's second secretary: approves the vouchers the first one makes (never their own). */
export const DEPUTY = {
  username: 'qjl_deputy',
  displayName: '前进里社区副书记',
  password: 'Second-Pair-2026-Qx',
};
/** 保国街道's secretary: holds the review round of its communities and scores them as a leader. */
export const STREET = {
  username: 'bg_secretary',
  displayName: '保国街道书记',
  password: 'Street-Head-2026-Qx',
};
/** A party member of the street named an evaluator in the members' group. */
export const EVALUATOR = { username: 'bg_member', displayName: '党员代表', password: 'Member-Voice-2026-Qx' };
export const BRANCH = '前进里社区第一党支部';

/** Column indexes of a resident row (the template's order). */
const NAME = 0;
const ID_NUMBER = 1;
const PHONE = 3;

export interface Supervision {
  branchId: string;
  /** The branch's members: id and name. */
  members: { id: string; name: string }[];
  /** Adults on 前进里社区's register (everyone a survey of the community can draw). */
  adults: number;
  /** The resident who answers the survey on the portal. */
  resident: { name: string; phone: string };
  grids: { qianjinli: string; huahui: string; dongsheng: string };
  users: { street: string; evaluator: string };
}

/** Whether the ID number's holder is at least `years` old on `today` (a Beijing day). */
const agedOn = (row: ResidentCells, today: string, years: number) => {
  const born = row[ID_NUMBER]!.slice(6, 14);
  return born <= `${Number(today.slice(0, 4)) - years}${today.slice(5, 7)}${today.slice(8, 10)}`;
};

/** A day in Beijing (the calendar of meetings, vouchers and surveys). */
export const beijingDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 前进里一网格 with 1号楼 and twelve residents; a grid in 花卉社区 and 东升社区 for their work orders;
 * the four accounts; the branch with four members; its fund ledger with a fiscal allocation the
 * deputy approved.
 */
export async function setUpSupervision(admin: ApiClient, folder: string): Promise<Supervision> {
  const grid = await createRegion(admin, QIANJINLI.code, 'grid', '前进里一网格');
  await createRegion(admin, grid, 'building', '1号楼');
  const huahui = await createRegion(admin, HUAHUI.code, 'grid', '花卉一网格');
  const dongsheng = await createRegion(admin, DONGSHENG.code, 'grid', '东升一网格');
  const rows = [...residentRows({ count: 12, gridCode: grid, buildings: ['1号楼'], seed: 14 })];
  const file = path.join(folder, 'residents.xlsx');
  await writeResidentXlsx(file, rows);
  const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
  await waitForImport(admin, job.id);
  const today = beijingDay(Date.now());
  const adults = rows.filter((row) => agedOn(row, today, 18));
  // Under seventy: the portal offers older residents elder mode first (another test walks that).
  const chosen = adults.filter((row) => row[PHONE] && !agedOn(row, today, 70)).at(-1)!;

  await createUser(admin, SECRETARY, 'secretary', QIANJINLI.code);
  await createUser(admin, DEPUTY, 'secretary', QIANJINLI.code);
  const street = await createUser(admin, STREET, 'secretary', BAOGUO);
  const evaluator = await createUser(admin, EVALUATOR, 'member', BAOGUO);

  const branch = await admin.json<{ id: string }>('POST', '/api/organizations', {
    kind: 'branch',
    name: BRANCH,
    anchorRegionCode: QIANJINLI.code,
  });
  const persons = await admin.json<{ items: { id: string; name: string; age: number }[] }>(
    'GET',
    `/api/persons?region=${grid}&limit=50`,
  );
  const members: Supervision['members'] = [];
  for (const person of persons.items.filter((p) => p.age >= 25).slice(0, 4)) {
    const member = await admin.json<{ id: string; name: string }>('POST', '/api/members', {
      organizationId: branch.id,
      personId: person.id,
      category: 'formal',
      status: 'in_service',
      joinedOn: '2005-07-01',
    });
    members.push({ id: member.id, name: member.name });
  }
  if (members.length < 4) throw new Error(`Only ${members.length} residents old enough to be members`);
  return {
    branchId: branch.id,
    members,
    adults: adults.length,
    resident: { name: chosen[NAME]!, phone: chosen[PHONE]! },
    grids: { qianjinli: grid, huahui, dongsheng },
    users: { street, evaluator },
  };
}

/**
 * An order of a grid taken to the end: dispatched, signed, resolved, approved (closed) and, with a
 * verdict, called back (an unsatisfied verdict reopens it).
 */
export async function closedOrder(
  admin: ApiClient,
  grid: string,
  verdict: 'satisfied' | 'unsatisfied' | null,
): Promise<string> {
  const { id } = await admin.json<{ id: string }>('POST', '/api/work-orders', {
    categoryCode: 'livelihood.repair',
    description: '楼道灯不亮，居民夜间出行不便',
    channel: 'hotline',
    regionCode: grid,
    contactName: '居民',
  });
  const act = (body: Record<string, unknown>) => admin.json('POST', `/api/work-orders/${id}/actions`, body);
  await act({ action: 'dispatch', targetRegionCode: grid });
  await act({ action: 'sign' });
  await act({ action: 'resolve', note: '已更换灯泡' });
  await act({ action: 'review', approve: true });
  if (verdict)
    await act({
      action: 'callback',
      satisfaction: verdict,
      ...(verdict === 'unsatisfied' ? { note: '灯又坏了' } : {}),
    });
  return id;
}

/** The round of 保国街道 over its communities: two rubric items, the two work-order KPIs weighted. */
export const roundBody = (year: number, name: string) => ({
  regionCode: BAOGUO,
  name,
  year,
  fromMonth: `${year}-01`,
  toMonth: `${year}-12`,
  rubric: [
    { id: 'duty', title: '履行第一责任人职责', max: 40 },
    { id: 'service', title: '服务群众成效', max: 60 },
  ],
  groupWeights: { leader: 60, member: 40, resident: 0 },
  kpiWeights: Object.fromEntries(
    REVIEW_KPIS.map((k) => [k, k === 'on_time_rate' || k === 'satisfaction_rate' ? 1 : 0]),
  ),
  rubricWeight: 60,
  kpiWeight: 40,
});

/** The survey of 前进里社区: the whole adult register drawn, named answers, the scale first. */
export const surveyBody = (sampleSize: number) => ({
  title: '前进里社区群众满意度测评',
  description: '请根据您的亲身感受作答，约需一分钟',
  regionCode: QIANJINLI.code,
  anonymous: false,
  source: 'register',
  sampleSize,
  reservePercent: 0,
  contactWindowDays: 0,
  seed: 'qianjinli-2026',
  questions: [
    { kind: 'scale', text: '您对社区党组织服务群众工作的总体满意程度', options: [], required: true },
    {
      kind: 'single',
      text: '您最希望社区加强哪方面的服务',
      options: ['为老服务', '环境整治', '就业帮扶'],
      required: true,
    },
  ],
  satisfactionQuestion: 0,
});

/** The fund ledger's account ids by code (1002 bank, 4101 fiscal allocation, 5102 consolation). */
export async function openFundLedger(
  secretary: ApiClient,
  deputy: ApiClient,
  organizationId: string,
): Promise<Record<string, string>> {
  await secretary.json('POST', `/api/organizations/${organizationId}/fund-ledger`);
  const ledger = await secretary.json<{ items: { id: string; code: string }[] }>(
    'GET',
    `/api/organizations/${organizationId}/fund-accounts`,
  );
  const account = Object.fromEntries(ledger.items.map((a) => [a.code, a.id]));
  // This year's fiscal allocation (党建工作经费): above the threshold, so the deputy approves it.
  const income = await secretary.json<{ id: string; status: string }>(
    'POST',
    `/api/organizations/${organizationId}/fund-vouchers`,
    {
      date: beijingDay(Date.now()),
      summary: '街道拨付年度党建工作经费',
      kind: 'income',
      attachmentCount: 1,
      lines: [
        { accountId: account['1002'], debitFen: 500_000, creditFen: 0 },
        { accountId: account['4101'], debitFen: 0, creditFen: 500_000 },
      ],
    },
  );
  await deputy.json('POST', `/api/fund-vouchers/${income.id}/approve`, {});
  return account;
}

/** A consolation payment to one member in difficulty, from the bank account: a spending voucher. */
export const consolationBody = (account: Record<string, string>, memberId: string, fen: number) => ({
  date: beijingDay(Date.now()),
  summary: '慰问生活困难党员',
  kind: 'spending',
  spendingKind: 'consolation',
  attachmentCount: 2,
  lines: [
    { accountId: account['5102'], debitFen: fen, creditFen: 0 },
    { accountId: account['1002'], debitFen: 0, creditFen: fen },
  ],
  beneficiaries: [{ memberId, amountFen: fen }],
});

/**
 * Backdates an organization and runs the missed-meeting sweep now, on the running server's
 * database. Organizations are created "now" and a quarter that ended before one existed asks
 * nothing of it (compliance-slots.ts: `since`), and no route sets an organization's founding day;
 * the e2e server's database is a SQLite file in its data folder, so the test opens it as a second
 * process would (the scheduler's jobs are safe with several processes) and runs the scheduler's
 * own job (sweepMissedMeetings) instead of waiting an hour for its tick.
 */
export async function backdateAndSweep(dataDir: string, organizationId: string, createdAt: string) {
  // The cockpit first, as the server's own start loads it: its indicator list gathers the modules'
  // counters (the meetings' among them), which a start from the meetings module would see half made.
  await import('../../src/server/modules/cockpit/index');
  const { loadConfig } = await import('../../src/server/config');
  const { openDatabase } = await import('../../src/server/db/database');
  const { createServiceContext } = await import('../../src/server/services');
  const { sweepMissedMeetings } = await import('../../src/server/modules/meetings/index');
  const config = loadConfig({ LIANXIN_DATA_DIR: dataDir });
  const database = openDatabase({ dataDir, databaseUrl: undefined, poolSize: 1 });
  try {
    await database.db
      .updateTable('organizations')
      .set({ created_at: createdAt })
      .where('id', '=', organizationId)
      .execute();
    return await sweepMissedMeetings(createServiceContext(config, database, () => new Date()));
  } finally {
    await database.close();
  }
}

/** Signs a staff user in on a page that may hold another user's session. */
export async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, user);
}

/** A screenshot for the documentation: docs/screenshots/supervision-<name>.png. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(docsScreenshotsDir, `supervision-${name}.png`) });

/** Confirms the open Popconfirm. */
export const popconfirmOk = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

/** Takes an option of the open select dropdown by its text. */
export async function option(page: Page, text: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await open.locator('.ant-select-item-option', { hasText: text }).first().click();
  // Until it has closed, a closing list would answer the next select's search for an option.
  await open.first().waitFor({ state: 'hidden' });
}

/** Types a number into an InputNumber by test id (antd puts the id on the input or its wrapper). */
export const fillNumber = (scope: Locator, testId: string, value: number) =>
  scope.getByTestId(testId).locator('input').or(scope.getByTestId(testId)).first().fill(String(value));

/**
 * Picks a day in an antd date picker by clicking its cell: Enter (support/ui fillDate) would also
 * submit the surrounding form, here before the rest of it is filled.
 */
export async function pickDate(page: Page, picker: Locator, date: string): Promise<void> {
  const input = picker
    .locator('input')
    .or(picker.and(page.locator('input')))
    .first();
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
  await panel.waitFor();
  // Typing the day moves the panel to its month.
  await input.fill(date);
  await panel.locator(`td[title="${date}"]`).click();
  if (await panel.isVisible()) await page.keyboard.press('Tab');
  await panel.waitFor({ state: 'hidden' });
}
