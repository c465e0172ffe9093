import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { cockpitSchema } from '../src/shared/api/cockpit';
import { portalTimebankSchema } from '../src/shared/api/portal';
import { personPageSchema } from '../src/shared/api/register';
import { coverageSchema, visitPageSchema } from '../src/shared/api/visits';
import {
  activityDetailSchema,
  activitySchema,
  volunteerRecordSchema,
  volunteerSchema,
} from '../src/shared/api/volunteering';
import { workOrderDetailSchema } from '../src/shared/api/work-orders';
import { type ApiClient, apiLogin, apiRead as read } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import {
  beijingDay,
  CLERK,
  type District,
  GRID_NAME,
  ITEM,
  LEADER,
  setUpDistrict,
  snowDayActivity,
  TEAM,
  WORKER,
} from './support/district-programs';
import { portalSignIn } from './support/portal';
import { docsScreenshotsDir } from './support/screenshots';
import { type RunningServer, startServer } from './support/server';
import { signIn, visibleText } from './support/ui';

const PHONE_VIEW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const TITLE = '冬季楼道清雪志愿日';
/** What the leader corrects the hours to: the two hours of the shift (check-in and out are seconds apart). */
const CONFIRMED_MINUTES = 120;

/**
 * Issue 13's whole chain with one resident throughout: a campaign targets a grid; its grid worker,
 * on a 360-px phone, records a visit to the resident's household offline and it arrives once; the
 * need found becomes a work order and the cockpit's visit coverage rises. The same resident signs
 * in to the portal, joins the time bank, lands on the waiting list of a full shift and moves up
 * when the person ahead cancels; checks in with the QR code on the leader's phone and out with its
 * digits; the leader corrects the hours on the phone and the balance grows by exactly those
 * minutes; the resident orders from the love supermarket and the clerk (a timebank_clerk) checks
 * the code off once; the leader issues the certificate in the browser and its serial verifies on
 * the public page. A fresh server with its own fixtures (not the
 * demo): every figure the test reads before and after is caused by the test alone.
 */
describeInBrowser(
  'district programs: visit → order → coverage → activity → hours → balance → redemption → certificate',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let admin: ApiClient;
    let leader: ApiClient;
    let workerPhone: Page;
    let leaderDesk: Page;
    let leaderPhone: Page;
    let residentPhone: Page;
    let clerkDesk: Page;
    let district: District;
    /** The resident's register entry. */
    let person: z.infer<typeof personPageSchema>['items'][number];
    let volunteer: z.infer<typeof volunteerSchema>;
    let ahead: z.infer<typeof volunteerSchema>;
    let activity: z.infer<typeof activitySchema>;
    let startBalance = 0;
    let redemptionCode = '';
    const pageErrors: string[] = [];
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-chain-e2e-'));

    const cockpitOfGrid = () => read(admin, cockpitSchema, 'GET', `/api/cockpit?region=${district.grid}`);
    const visitsOfCampaign = async () =>
      (await read(admin, visitPageSchema, 'GET', `/api/visits?campaign=${district.campaign}`)).items;
    const signupsNow = async () =>
      (await read(leader, activityDetailSchema, 'GET', `/api/volunteer-activities/${activity.id}`)).signups;
    /** The resident's own balance as the portal's API answers it (the browser's session cookie). */
    const ownBalance = async () => {
      const answer = await residentPhone.request.get('/api/portal/me/timebank');
      return portalTimebankSchema.parse(await answer.json()).account?.balanceMinutes;
    };

    beforeAll(async () => {
      server = await startServer();
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      district = await setUpDistrict(admin, folder);
      leader = await apiLogin(server.baseUrl, LEADER.username, LEADER.password);

      browser = await launchBrowser();
      workerPhone = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      leaderDesk = await openPage(browser, server.baseUrl, pageErrors);
      leaderPhone = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      residentPhone = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      clerkDesk = await openPage(browser, server.baseUrl, pageErrors);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('records the visit to the resident’s household offline on a 360-px phone; it arrives once', async () => {
      const before = (await cockpitOfGrid()).values.visit_coverage ?? 0;
      const context = workerPhone.context();
      await signIn(workerPhone, WORKER);
      await workerPhone.goto('/visits');
      const household = workerPhone.getByTestId('visit-target').filter({ hasText: district.resident.name });
      await household.getByTestId('visit-record').click();
      await workerPhone.getByTestId('visit-last').waitFor();
      // The network goes on the stairs: the visit is typed anyway and kept as a draft.
      await context.setOffline(true);
      await workerPhone.getByTestId('visit-outcome').getByText('见面', { exact: true }).click();
      await workerPhone.getByTestId('visit-notes').fill('老人身体尚可，楼道积雪出行不便');
      await workerPhone.getByTestId('visit-need-type').click();
      await workerPhone.locator('.ant-select-item-option', { hasText: '生活困难' }).click();
      await workerPhone.getByTestId('visit-need-description').fill('冬季取暖费用困难，需要救助');
      await workerPhone.getByTestId('visit-submit').click();
      await workerPhone.getByTestId('visit-drafts').waitFor();
      expect(await visitsOfCampaign()).toHaveLength(0);

      await context.setOffline(false);
      const banner = workerPhone.getByTestId('visit-drafts');
      try {
        await banner.waitFor({ state: 'detached', timeout: 5_000 });
      } catch {
        // The browser did not announce the network: the button sends what waits.
        await workerPhone.getByTestId('visit-drafts-send').click();
        await banner.waitFor({ state: 'detached' });
      }
      expect(await visitsOfCampaign()).toHaveLength(1);
      // A reload (which sends the drafts again) sends nothing twice.
      await workerPhone.reload();
      await workerPhone.getByTestId('visit-target').first().waitFor();
      const visits = await visitsOfCampaign();
      expect(visits).toHaveLength(1);
      const found = `/api/persons?q=${district.resident.idNumber}`;
      person = (await read(admin, personPageSchema, 'GET', found)).items[0]!;
      expect(visits[0]!.householdId).toBe(person.householdId);
      expect(visits[0]!.outcome).toBe('met');
      expect((await cockpitOfGrid()).values.visit_coverage ?? 0).toBeGreaterThan(before);
    });

    it('turns the need found into a work order, and the cockpit shows the visit figures', async () => {
      await workerPhone.goto('/visits/log');
      await workerPhone.getByTestId('visit-need-to-order').first().click();
      await workerPhone.getByTestId('visit-need-order').first().waitFor();
      const orderId = (await visitsOfCampaign())[0]!.needs[0]!.workOrderId;
      expect(orderId).not.toBeNull();
      const order = await read(admin, workOrderDetailSchema, 'GET', `/api/work-orders/${orderId}`);
      expect(order.channel).toBe('visit');
      const coverage = await read(
        admin,
        coverageSchema,
        'GET',
        `/api/visit-campaigns/${district.campaign}/coverage`,
      );
      expect(coverage).toMatchObject({ met: 1, attempted: 1 });

      const cockpit = await cockpitOfGrid();
      expect(cockpit.values).toMatchObject({ visits: 1, visit_needs: 1, visit_needs_ordered: 1 });
      const households = coverage.registerHouseholds;
      expect(cockpit.values.visit_coverage).toBe(Math.round((1 / households) * 1000) / 10);
      // The leader, a secretary, opens the grid's cockpit: the visit cards say what the API says.
      await signIn(leaderDesk, LEADER);
      await leaderDesk.goto(`/cockpit?region=${district.grid}`);
      await leaderDesk.getByTestId('cockpit-title').filter({ hasText: GRID_NAME }).waitFor();
      const shown = async (code: string) => visibleText(leaderDesk, `cockpit-kpi-${code}`);
      expect(await shown('visit_coverage')).toContain(`${cockpit.values.visit_coverage}%`);
      expect(await shown('visit_attempted_coverage')).toContain(
        `${cockpit.values.visit_attempted_coverage}%`,
      );
      expect(await shown('visits')).toContain('走访次数');
      expect(await shown('visit_needs_ordered')).toMatch(/需求转工单\s*1/);
    });

    it('signs the visited resident in to the portal; they join the time bank and the waiting list', async () => {
      // The leader enrols the resident and a neighbour of another household in the team, and
      // announces an activity with one place; the neighbour is signed up first and takes it.
      const neighbours = `/api/persons?region=${district.grid}&limit=50`;
      const neighbour = (await read(admin, personPageSchema, 'GET', neighbours)).items.find(
        (p) => p.householdId !== person.householdId && p.name !== person.name,
      )!;
      const enrol = (personId: string) =>
        read(leader, volunteerSchema, 'POST', '/api/volunteers', { teamId: district.teamId, personId });
      volunteer = await enrol(person.id);
      ahead = await enrol(neighbour.id);
      activity = await read(
        leader,
        activitySchema,
        'POST',
        '/api/volunteer-activities',
        snowDayActivity(district.teamId, TITLE),
      );
      await leaderDesk.goto(`/volunteering/activities/${activity.id}`);
      expect(await visibleText(leaderDesk, 'activity-title')).toBe(TITLE);
      await leaderDesk.getByTestId('pick-volunteer').click();
      await leaderDesk.keyboard.type(ahead.name);
      await leaderDesk.locator('.ant-select-item-option', { hasText: ahead.name }).first().click();
      await leaderDesk.getByTestId('add-signup').click();
      await leaderDesk.getByText('已确认', { exact: true }).first().waitFor();

      await portalSignIn(residentPhone, server, district.resident.phone);
      await residentPhone.getByTestId('portal-nav-timebank').click();
      await residentPhone.waitForURL('**/m/timebank');
      await residentPhone.getByTestId('portal-tb-join').click();
      startBalance = Number(await visibleText(residentPhone, 'portal-tb-balance'));
      expect(startBalance).toBeGreaterThan(0);
      expect(startBalance).toBeLessThan(ITEM.priceMinutes);
      expect(await ownBalance()).toBe(startBalance);

      await residentPhone.getByTestId('portal-nav-volunteering').click();
      await residentPhone.waitForURL('**/m/volunteering');
      const card = residentPhone.getByTestId('portal-activity').filter({ hasText: TITLE });
      await card.getByTestId('portal-sign-up').click();
      await residentPhone.getByText('名额已满，已为您排入候补').waitFor();
      expect(await visibleText(residentPhone, card.getByTestId('portal-my-status'))).toBe('候补第 1 位');
      const mine = (await signupsNow()).find((s) => s.volunteerId === volunteer.id);
      expect(mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('moves the resident up when the leader cancels the person ahead', async () => {
      await leaderDesk.reload();
      await leaderDesk.getByText('候补第 1 位').waitFor();
      await leaderDesk.getByRole('row').filter({ hasText: ahead.name }).getByTestId('cancel-signup').click();
      await leaderDesk.getByText('已取消').waitFor();
      await expect.poll(async () => leaderDesk.getByText('候补第 1 位').count()).toBe(0);
      expect(await visibleText(leaderDesk, leaderDesk.getByTestId('shift-fill').first())).toContain(
        '已确认 1/1',
      );

      await residentPhone.reload();
      const card = residentPhone.getByTestId('portal-activity').filter({ hasText: TITLE });
      await expect
        .poll(() => visibleText(residentPhone, card.getByTestId('portal-my-status')))
        .toBe('已确认');
    });

    it('checks in with the QR on the leader’s 360-px phone and out with its digits; the confirmed minutes reach the balance', async () => {
      await signIn(leaderPhone, LEADER);
      await leaderPhone.goto(`/volunteering/activities/${activity.id}/check-in`);
      const qr = leaderPhone.getByTestId('check-in-qr');
      await qr.waitFor();
      // What the resident's camera does with the QR code: open its link; they confirm.
      await residentPhone.goto((await qr.getAttribute('data-value'))!);
      await residentPhone.waitForURL('**/m/volunteering/check-in?**');
      expect(await visibleText(residentPhone, 'linked-check-in')).toContain(TITLE);
      await residentPhone.getByTestId('linked-check-in-confirm').click();
      await residentPhone.getByText(/签到成功（\d\d:\d\d）/).waitFor();
      await residentPhone.waitForURL((url) => url.pathname === '/m/volunteering');

      await residentPhone.getByTestId('portal-check-in').click();
      await residentPhone.getByTestId('portal-code-form').waitFor();
      const digits = await visibleText(leaderPhone, 'check-in-code');
      await residentPhone.getByTestId('portal-check-in-code').fill(digits.replace(/\D/g, ''));
      await residentPhone.getByTestId('portal-check-out-submit').click();
      await residentPhone.getByText(/签退成功，本次服务 \d+ 分钟/).waitFor();
      const signup = (await signupsNow()).find((s) => s.volunteerId === volunteer.id)!;
      expect(signup.checkedInAt).not.toBeNull();
      expect(signup.checkedOutAt).not.toBeNull();

      // Checked in and out seconds apart: on their 360-px phone the leader corrects the computed
      // minute to the two hours served, with a reason; 0 minutes is refused on the field.
      await leaderPhone.goto(`/volunteering/activities/${activity.id}`);
      const row = leaderPhone.getByRole('row').filter({ hasText: volunteer.name });
      await row.getByText(/签退 \d\d:\d\d/).waitFor();
      await row.getByTestId('correct-hours').click();
      const form = leaderPhone.getByRole('dialog');
      expect(await visibleText(leaderPhone, 'hours-computed')).toMatch(/按签到、签退计算为 \d+ 分钟/);
      await form.getByTestId('hours-minutes').fill('0');
      await form.getByTestId('hours-reason').fill('签退时手机误操作，实际服务两小时');
      await form.getByTestId('hours-save').click();
      expect(await visibleText(leaderPhone, form.locator('.ant-form-item-explain-error'))).toBe('不能小于 1');
      await form.getByTestId('hours-minutes').fill(String(CONFIRMED_MINUTES));
      await form.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
      await leaderPhone.screenshot({ path: path.join(docsScreenshotsDir, 'hours-correction.png') });
      await form.getByTestId('hours-save').click();
      await row.getByText('时长已确认').waitFor();
      expect(await visibleText(leaderPhone, row)).toContain(`${CONFIRMED_MINUTES} 分钟`);
      expect((await signupsNow()).find((s) => s.id === signup.id)).toMatchObject({
        confirmed: true,
        minutes: CONFIRMED_MINUTES,
      });

      // The resident's balance grew by exactly the confirmed minutes: on the page and in the API.
      await residentPhone.goto('/m/volunteering');
      expect(await visibleText(residentPhone, 'portal-hours')).toMatch(/累计服务时长\s*2\s*小时/);
      await residentPhone.getByTestId('portal-nav-timebank').click();
      await residentPhone.waitForURL('**/m/timebank');
      expect(Number(await visibleText(residentPhone, 'portal-tb-balance'))).toBe(
        startBalance + CONFIRMED_MINUTES,
      );
      expect(await ownBalance()).toBe(startBalance + CONFIRMED_MINUTES);
      expect(await visibleText(residentPhone, 'portal-tb-ledger')).toContain(`+${CONFIRMED_MINUTES}`);
    });

    it('redeems a love-supermarket item; the clerk checks the code off once, and a second try is refused', async () => {
      await residentPhone.getByTestId('portal-tb-market').click();
      await residentPhone.waitForURL('**/m/timebank/market');
      await residentPhone
        .getByTestId('portal-tb-item')
        .filter({ hasText: ITEM.name })
        .getByTestId('portal-tb-redeem')
        .click();
      redemptionCode = await visibleText(residentPhone, 'portal-tb-code');
      expect(redemptionCode).toMatch(/^\d{6}$/);
      await residentPhone.getByTestId('portal-tb-code-close').click();
      expect(await visibleText(residentPhone, 'portal-tb-orders')).toContain('待领取');
      const left = startBalance + CONFIRMED_MINUTES - ITEM.priceMinutes;
      expect(await visibleText(residentPhone, 'portal-tb-market-balance')).toBe(`${left} 分钟`);
      expect(await ownBalance()).toBe(left);

      // The clerk (timebank_clerk) lands on the check-off page; the menu offers nothing else.
      await signIn(clerkDesk, CLERK);
      await clerkDesk.waitForURL('**/timebank/clerk');
      const menu = clerkDesk.getByTestId('side-menu').locator('.ant-menu-item');
      expect(await menu.allInnerTexts()).toEqual(['爱心超市核销']);
      const checkOff = async () => {
        await clerkDesk.getByTestId('timebank-code').fill(redemptionCode);
        await clerkDesk.getByTestId('timebank-check-off').click();
      };
      await checkOff();
      expect(await visibleText(clerkDesk, 'timebank-checked-off')).toContain(ITEM.name);
      await checkOff();
      await clerkDesk.getByText('该兑换码已使用').waitFor();
      expect(await clerkDesk.getByTestId('timebank-checked-off').count()).toBe(0);

      await residentPhone.reload();
      await expect.poll(() => visibleText(residentPhone, 'portal-tb-orders')).toContain('已领取');
      // The code was used once: the minutes left are what they were after the order.
      expect(await ownBalance()).toBe(left);
    });

    it('issues the certificate in the browser; its serial verifies on the public page, a made-up one does not', async () => {
      // The leader, on the phone, issues it from the team's volunteers list: period and content.
      await leaderPhone.goto('/volunteering');
      await leaderPhone.getByRole('tab', { name: '志愿者', exact: true }).click();
      // A table row on a wide screen, a card on this phone: both carry the row's key.
      await leaderPhone
        .locator('[data-row-key]')
        .filter({ hasText: volunteer.name })
        .getByTestId('issue-certificate')
        .click();
      const form = leaderPhone.getByRole('dialog');
      await form.getByTestId('certificate-from').fill(beijingDay(Date.now()));
      await form.getByTestId('certificate-to').fill(beijingDay(Date.parse(activity.startsAt)));
      await form.getByTestId('certificate-content').fill('社区环境：冬季楼道清雪');
      await leaderPhone.screenshot({ path: path.join(docsScreenshotsDir, 'certificate-issue.png') });
      await form.getByTestId('certificate-submit').click();
      const serial = await visibleText(leaderPhone, 'certificate-serial');
      expect(serial).toMatch(/^ZY-230108-\d{8}-[A-Z0-9]{6}$/);
      expect(await visibleText(leaderPhone, 'certificate-issued')).toMatch(/2 小时（1 次服务）/);
      await leaderPhone.waitForTimeout(400); // antd's modal motion, for the screenshot
      await leaderPhone.screenshot({ path: path.join(docsScreenshotsDir, 'certificate-issued.png') });
      const record = await read(leader, volunteerRecordSchema, 'GET', `/api/volunteers/${volunteer.id}`);
      expect(record.certificates.find((c) => c.serial === serial)).toMatchObject({
        minutes: CONFIRMED_MINUTES,
        services: 1,
        teamName: TEAM,
        content: '社区环境：冬季楼道清雪',
      });
      const pdf = await leaderPhone.request.get(
        (await leaderPhone.getByTestId('certificate-pdf').getAttribute('href'))!,
      );
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const verifyLink = (await leaderPhone.getByTestId('certificate-verify').getAttribute('href'))!;
      expect(verifyLink).toBe(`/verify?serial=${serial}`);
      const visitor = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      await visitor.goto(verifyLink);
      await visitor.getByTestId('verify-submit').click();
      const result = await visibleText(visitor, 'verify-result');
      expect(result).toContain('证明真实有效');
      expect(result).toContain(`${[...district.resident.name][0]}*`);
      expect(result).not.toContain(district.resident.name);
      expect(result).toContain(TEAM);
      expect(result).toMatch(/服务时长（小时）\s*2\b/);
      await visitor.getByTestId('verify-serial').fill('ZY-230108-20200101-AAAAAA');
      await visitor.getByTestId('verify-submit').click();
      expect(await visibleText(visitor, 'verify-error')).toContain('没有这个编号的志愿服务证明');
      expect(pageErrors).toEqual([]);
    });
  },
);
