import fs from 'node:fs';
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LoanDetail, loanDetailSchema } from '../src/shared/api/loans';
import { inboxSchema } from '../src/shared/api/notifications';
import { workOrderDetailSchema } from '../src/shared/api/work-orders';
import { beijingDate } from '../src/shared/beijing-time';
import { CHANNEL_LABELS } from '../src/shared/work-orders';
import { yuan } from '../src/web/pages/loans/format';
import { type ApiClient, apiLogin, apiRead } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import {
  addDays,
  BANK,
  backdateSchedule,
  CENTRE,
  daysFrom,
  GRID_WORKER,
  type LoanDistrict,
  lapseStep,
  SECRETARY,
  STREET,
  setUpLoans,
  XINGJIAN,
} from './support/loans';
import { docsScreenshotsDir, screenshotRecorder } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { logOut, signIn, visibleText } from './support/ui';

const AMOUNT_YUAN = 100_000;
const TERM_MONTHS = 24;
/** How late the missed instalment is when the daily job looks at it: inside the 1–30 bucket. */
const DAYS_LATE = 10;

/**
 * Issue 18's loans in the browser, on a fresh district built by the test: the grid worker takes an
 * application in for a resident of the register; the community secretary accepts it on /loans and
 * collects the documents; the community's one-day limit (the administrator's deadline table) lapses
 * and the server's minute sweeper marks the step overdue and escalates it to the street, whose
 * secretary is told; the secretary passes it on, the guarantee centre approves, the bank lends (the
 * schedule is shown) and records the first instalment's repayment. The second instalment is then
 * missed: the server, restarted, runs the daily delinquency job, the loan moves into the 1–30
 * bucket, and the visit work order it files reaches the grid worker's inbox and opens.
 * docs/screenshots/loans-01…03 come from here.
 */
describeInBrowser('loans: every step, a late step escalated, a missed instalment visited', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let shot: (name: string) => Promise<void>;
  let admin: ApiClient;
  let district: LoanDistrict;
  let loanId = '';
  let number = '';
  const pageErrors: string[] = [];
  const folder = fs.mkdtempSync(`${os.tmpdir()}/lianxin-loans-e2e-`);
  const today = () => beijingDate(new Date());

  const detail = (): Promise<LoanDetail> =>
    apiRead(admin, loanDetailSchema, 'GET', `/api/loan-applications/${loanId}`);

  beforeAll(async () => {
    server = await startServer();
    admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    district = await setUpLoans(admin, folder);
    browser = await launchBrowser();
    page = await openPage(browser, server.baseUrl, pageErrors);
    const record = screenshotRecorder(page, 'loans-', docsScreenshotsDir);
    // The "done" toasts fade after a few seconds: the documentation shows the page, not them.
    shot = async (name) => {
      await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
      await record(name);
    };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Signs the next role in on the one desk the test uses. */
  async function switchTo(user: { username: string; password: string }): Promise<void> {
    await logOut(page);
    await signIn(page, user);
  }

  /** Opens the application from the /loans list, as each role finds it. */
  async function openFromList(): Promise<void> {
    await page.goto('/loans');
    await page.getByTestId('loan-row').filter({ hasText: number }).getByTestId('loan-link').click();
    await page.waitForURL(`**/loans/${loanId}`);
    await page.getByTestId('loan-page').waitFor();
  }

  const status = () => visibleText(page, page.getByTestId('loan-page').getByTestId('loan-status').first());

  /** Presses a workflow button and waits for the status it leads to. */
  async function act(action: string, expected: string): Promise<void> {
    await page.getByTestId(`loan-${action}`).click();
    await expect.poll(status, { timeout: 15_000 }).toBe(expected);
  }

  it('lets the grid worker take an application in for a resident of the register', async () => {
    await signIn(page, GRID_WORKER);
    await page.goto('/loans');
    await page.getByTestId('new-loan').click();
    await page.getByTestId('loan-person').click();
    await page.keyboard.type(district.borrower.idNumber);
    await page.getByTestId(`person-option-${district.borrower.id}`).click();
    // The register's particulars, masked, and the district's limits show once the person is picked.
    expect(await visibleText(page, 'loan-prefill')).toContain('300,000');
    await page.getByTestId('loan-amount').fill(String(AMOUNT_YUAN));
    await page.getByTestId('loan-term').fill(String(TERM_MONTHS));
    await page.getByTestId('loan-purpose').fill('购置烘焙设备和首批原料');
    await page.getByTestId('loan-business').fill('社区烘焙坊');
    await page.getByTestId('loan-submit').click();
    await page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
    loanId = page.url().split('/').at(-1)!;
    number = await visibleText(page, 'loan-number');
    expect(await status()).toBe('已提交');

    const loan = await detail();
    expect([loan.status, loan.number, loan.personId, loan.amountFen, loan.termMonths]).toEqual([
      'submitted',
      number,
      district.borrower.id,
      AMOUNT_YUAN * 100,
      TERM_MONTHS,
    ]);
    expect(loan.householdId).toBe(district.borrower.householdId);
  });

  it('has the secretary accept it on /loans; the one-day review lapses and is escalated to the street', async () => {
    await switchTo(SECRETARY);
    await openFromList();
    await act('accept', '社区审核');
    // The administrator set the community's review to one day: due by the end of tomorrow.
    const accepted = await detail();
    expect(accepted.stepDueOn).toBe(addDays(today(), 1));
    expect(await visibleText(page, 'loan-page')).toContain(accepted.stepDueOn!);

    const documents = page.getByTestId('loan-documents');
    for (const [index, document] of accepted.documents.entries()) {
      await page.getByTestId(`loan-document-${document.item}`).click();
      await documents.getByText(`申请材料 ${index + 1}/${accepted.documents.length}`).waitFor();
    }

    // The day passes: the server's minute sweeper finds the step late and escalates it.
    lapseStep(server, loanId, 'community_review');
    await expect.poll(async () => (await detail()).overdue, { timeout: 90_000, interval: 2_000 }).toBe(true);
    const late = await detail();
    expect(late.status).toBe('community_review');
    expect(late.escalatedRegionCode).toBe(XINGJIAN);
    expect(late.events.filter((e) => e.action === 'step_overdue')).toHaveLength(1);
    // The street's secretary, the level above the community, is told in their inbox.
    const street = await apiLogin(server.baseUrl, STREET.username, STREET.password);
    await expect
      .poll(
        async () =>
          (await apiRead(street, inboxSchema, 'GET', '/api/me/notifications')).items
            .filter((item) => item.template === 'loan_step_overdue')
            .map((item) => item.text.includes(number)),
        { timeout: 20_000 },
      )
      .toEqual([true]);

    await page.reload();
    expect(await visibleText(page, page.getByTestId('loan-page').getByTestId('loan-overdue'))).toBe(
      '环节超期',
    );
    expect(await visibleText(page, 'loan-timeline')).toContain('贷款办理环节超期');
    await shot('overdue-step');

    // Passing it on ends the late step: the centre's step has its own deadline, not overdue.
    await act('community_approve', '担保中心审核');
    await expect.poll(() => page.getByTestId('loan-page').getByTestId('loan-overdue').count()).toBe(0);
    const passed = await detail();
    expect([passed.overdue, passed.escalatedRegionCode]).toEqual([false, null]);
  }, 240_000);

  it('has the guarantee centre approve and the bank lend, with the schedule shown, and a repayment', async () => {
    await switchTo(CENTRE);
    await openFromList();
    await act('centre_approve', '银行审批');

    await switchTo(BANK);
    await openFromList();
    await page.getByTestId('loan-disburse').click();
    await page.getByTestId('disburse-bank').fill('哈尔滨银行平房支行');
    await page.getByTestId('disburse-contract').fill('HRB-CY-E2E-018');
    await page.getByTestId('disburse-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('已放款');

    const lent = await detail();
    expect([lent.disbursedOn, lent.instalments.length]).toEqual([today(), TERM_MONTHS]);
    expect(lent.instalments.reduce((sum, i) => sum + i.principalFen, 0)).toBe(AMOUNT_YUAN * 100);
    const first = lent.instalments[0]!;
    // The schedule on the page is the server's: the first row's date and figures, twelve a page.
    const rows = page.getByTestId('loan-schedule').getByTestId('instalment-row');
    await expect.poll(() => rows.count()).toBe(12);
    const firstRow = await visibleText(page, rows.first());
    for (const figure of [first.dueOn, yuan(first.principalFen), yuan(first.borrowerInterestFen)])
      expect(firstRow).toContain(figure);
    expect(await visibleText(page, 'loan-outstanding')).toContain(yuan(lent.outstandingFen));

    // The first instalment is repaid: the form offers exactly what it owes.
    await page.getByTestId('loan-repay').click();
    await page.getByTestId('repay-submit').click();
    await expect.poll(status, { timeout: 15_000 }).toBe('还款中');
    await expect.poll(() => visibleText(page, rows.first().getByTestId('instalment-state'))).toBe('已还清');
    const repaid = await detail();
    const owed = first.principalFen + first.borrowerInterestFen;
    expect(repaid.instalments[0]!.paidFen).toBe(owed);
    expect(repaid.repayments.map((r) => [r.amountFen, r.paidOn])).toEqual([[owed, today()]]);
    expect(repaid.outstandingFen).toBe(lent.outstandingFen - owed);
    expect(repaid.bucket).toBe('current');
    await shot('schedule-repaid');
  }, 240_000);

  it('moves the loan into the 1–30 bucket when an instalment is missed, and the grid worker is sent a visit', async () => {
    const before = await detail();
    const second = before.instalments[1]!;
    // The second instalment fell due ten days ago, unpaid; the daily job runs at the server's start.
    backdateSchedule(server, loanId, daysFrom(addDays(today(), -DAYS_LATE), second.dueOn));
    await server.restart();
    await expect
      .poll(async () => (await detail()).bucket, { timeout: 60_000, interval: 1_000 })
      .toBe('d1_30');
    const late = await detail();
    expect([late.status, late.daysPastDue]).toEqual(['repaying', DAYS_LATE]);
    expect(late.events.filter((e) => e.action === 'bucket_moved')).toHaveLength(1);
    const orderId = late.followUpOrderId;
    if (!orderId) throw new Error('The bucket moved without a follow-up work order');
    const order = await apiRead(admin, workOrderDetailSchema, 'GET', `/api/work-orders/${orderId}`);
    expect([order.channel, order.categoryCode, order.householdId]).toEqual([
      'visit',
      'livelihood.hardship',
      district.borrower.householdId,
    ]);
    expect(order.description).toContain(number);
    expect(order.description).toContain(`已逾期 ${DAYS_LATE} 天`);

    // The bank's page shows the bucket and the late instalment.
    await page.reload();
    expect(await visibleText(page, 'loan-bucket')).toBe('逾期 1–30 天');
    const rows = page.getByTestId('loan-schedule').getByTestId('instalment-row');
    expect(await visibleText(page, rows.nth(1).getByTestId('instalment-state'))).toBe('已逾期');
    await shot('arrears-bucket');

    // The grid worker of the borrower's household finds the visit in their inbox and opens it.
    const worker = await apiLogin(server.baseUrl, GRID_WORKER.username, GRID_WORKER.password);
    let messageId = '';
    await expect
      .poll(
        async () => {
          const visit = (await apiRead(worker, inboxSchema, 'GET', '/api/me/notifications')).items.find(
            (item) => item.template === 'loan_arrears_visit',
          );
          messageId = visit?.id ?? '';
          return visit?.workOrderId;
        },
        { timeout: 20_000 },
      )
      .toBe(orderId);
    await switchTo(GRID_WORKER);
    await page.getByTestId('inbox-bell').click();
    const message = page.getByTestId(`inbox-item-${messageId}`);
    expect(await visibleText(page, message)).toContain(number);
    await message.click();
    await page.waitForURL(`**/work-orders/${orderId}`);
    expect(await visibleText(page, 'order-number')).toContain(order.number);
    expect(await visibleText(page, 'order-facts')).toContain(CHANNEL_LABELS.visit.zh);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
