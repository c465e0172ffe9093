import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PersonSummary } from '../src/shared/api/register';
import type { Activity, ActivityDetail, Volunteer } from '../src/shared/api/volunteering';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { declineElderOffer } from './support/portal';
import { docsScreenshotsDir } from './support/screenshots';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

const PHONE_VIEW = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const TITLE = '楼道清扫志愿日';

/**
 * A resident of the demo district who is no party member volunteers through the portal on a
 * 360-px phone: signs in with an SMS code, signs up for a shift of their team, and checks in by
 * scanning the QR code on the leader's phone (the link it encodes, opened in the resident's
 * browser) and confirming; then checks out by typing the digits. A grid worker's map shows the
 * households the demo's campaign has not visited yet in red.
 */
describeInBrowser(
  'volunteering in the portal: sign-up, the leader’s check-in QR, the grid map by visits',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let resident: Page;
    let leader: Page;
    let admin: ApiClient;
    let secretary: ApiClient;
    let activity: Activity;
    let phone = '';
    let qrLink = '';
    const pageErrors: string[] = [];
    /**
     * The whole screen at 360 px: the window grows to the page's height first, so the portal's
     * sticky tab bar stands at the bottom (a full-page shot would draw it mid-page), and messages
     * that float over the header are gone.
     */
    const screenshot = async (page: Page, name: string) => {
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: PHONE_VIEW.viewport.width, height: Math.max(height, 740) });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(docsScreenshotsDir, `${name}.png`) });
      await page.setViewportSize(PHONE_VIEW.viewport);
    };

    beforeAll(async () => {
      server = await startServer({ demo: true });
      const credentials = demoCredentials(server);
      phone = credentials.get('resident')!.replace('phone:', '');
      admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      secretary = await apiLogin(
        server.baseUrl,
        'community_secretary',
        credentials.get('community_secretary')!,
      );
      // The demo's resident (linked to their register entry by phone) joins a new team of their community.
      const person = (await admin.json<{ items: PersonSummary[] }>('GET', `/api/persons?q=${phone}&limit=5`))
        .items[0]!;
      const team = await admin.json<{ id: string }>('POST', '/api/organizations', {
        kind: 'volunteer_team',
        name: '青春志愿服务队',
        anchorRegionCode: person.regionCode.slice(0, 12),
      });
      await admin.json<Volunteer>('POST', '/api/volunteers', { teamId: team.id, personId: person.id });
      const start = Date.now() + 20 * 60_000;
      activity = await secretary.json<Activity>('POST', '/api/volunteer-activities', {
        teamId: team.id,
        area: '社区环境',
        title: TITLE,
        description: '清理楼道堆物，张贴冬季防火提示',
        place: '3号楼楼下',
        signupMode: 'open',
        cancelCutoffHours: 0,
        shifts: [
          {
            role: '清扫',
            needed: 4,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 2 * 3_600_000).toISOString(),
          },
        ],
      });
      browser = await launchBrowser();
      resident = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      leader = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** The sign-in code the console SMS provider printed for the resident's phone. */
    async function smsCode(): Promise<string> {
      const pattern = new RegExp(
        `\\[sms\\] ${phone.slice(0, 3)}\\*{4}${phone.slice(7)} 【连心】您的登录验证码为 (\\d{6})`,
        'g',
      );
      for (let i = 0; i < 100; i++) {
        const codes = [...server.output().matchAll(pattern)].map((match) => match[1]!);
        if (codes.length > 0) return codes.at(-1)!;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`No sign-in code was printed within 20 s:\n${server.output()}`);
    }

    const signupOfResident = async () =>
      (await secretary.json<ActivityDetail>('GET', `/api/volunteer-activities/${activity.id}`)).signups[0];

    it('signs the resident in and up for a shift of their team', async () => {
      await resident.goto('/m');
      await resident.waitForURL('**/m/login');
      await resident.getByTestId('portal-phone').fill(phone);
      await resident.getByTestId('portal-send-code').click();
      await resident.getByTestId('portal-code').fill(await smsCode());
      await resident.getByTestId('portal-login-submit').click();
      await resident.waitForURL((url) => url.pathname === '/m');
      await declineElderOffer(resident);

      await resident.getByTestId('portal-nav-volunteering').click();
      await resident.waitForURL('**/m/volunteering');
      const card = resident.getByTestId('portal-activity').filter({ hasText: TITLE });
      expect(await visibleText(resident, card.getByTestId('portal-shift'))).toContain('已报名 0/4 人');
      await card.getByTestId('portal-sign-up').click();
      await resident.getByText('报名成功').waitFor();
      expect(await visibleText(resident, card.getByTestId('portal-my-status'))).toBe('已确认');
      expect(await visibleText(resident, card.getByTestId('portal-shift'))).toContain('已报名 1/4 人');
      expect((await signupOfResident())?.status).toBe('confirmed');
      await screenshot(resident, 'portal-volunteering');
    });

    it('shows the rotating code as a QR code on the leader’s phone, with the digits', async () => {
      await leader.goto('/login');
      await logIn(leader, 'community_secretary', demoCredentials(server).get('community_secretary')!);
      await leader.waitForURL((url) => !url.pathname.startsWith('/login'));
      await leader.goto(`/volunteering/activities/${activity.id}/check-in`);
      const qr = leader.getByTestId('check-in-qr');
      await qr.waitFor();
      const digits = (await visibleText(leader, 'check-in-code')).trim();
      expect(digits).toMatch(/^\d{6}$/);
      qrLink = (await qr.getAttribute('data-value')) ?? '';
      const link = new URL(qrLink);
      expect(link.origin).toBe(server.baseUrl);
      expect(link.pathname).toBe('/check-in');
      expect(link.searchParams.get('activity')).toBe(activity.id);
      // The QR and the digits are the same code (the code may have turned over between two reads).
      expect(link.searchParams.get('code')).toMatch(/^\d{6}$/);
      await screenshot(leader, 'checkin-qr');
    });

    it('checks the resident in through the scanned link after they confirm, and out with the typed digits', async () => {
      // What the phone's camera does with the QR code: open its link in the browser.
      const fresh = await leader.getByTestId('check-in-qr').getAttribute('data-value');
      await resident.goto(fresh ?? qrLink);
      await resident.waitForURL('**/m/volunteering/check-in?**');
      const linked = resident.getByTestId('linked-check-in');
      expect(await visibleText(resident, linked)).toContain(TITLE);
      expect(await visibleText(resident, 'linked-code')).toBe(
        new URL(fresh ?? qrLink).searchParams.get('code'),
      );
      // Nothing is sent before the resident confirms.
      expect((await signupOfResident())?.checkedInAt).toBeNull();
      await resident.getByTestId('linked-check-in-confirm').click();
      await resident.getByText(/签到成功（\d\d:\d\d）/).waitFor();
      await resident.waitForURL((url) => url.pathname === '/m/volunteering');
      expect((await signupOfResident())?.checkedInAt).not.toBeNull();

      // Checking out: the digits typed on the portal's own check-in form.
      await resident.getByTestId('portal-check-in').click();
      await resident.getByTestId('portal-code-form').waitFor();
      const digits = (await visibleText(leader, 'check-in-code')).trim();
      await resident.getByTestId('portal-check-in-code').fill(digits);
      await resident.getByTestId('portal-check-out-submit').click();
      await resident.getByText(/签退成功，本次服务 \d+ 分钟/).waitFor();
      expect((await signupOfResident())?.checkedOutAt).not.toBeNull();
    });

    it('marks the households the campaign has not visited yet in red on the grid worker’s map', async () => {
      const worker = await apiLogin(
        server.baseUrl,
        'grid_worker',
        demoCredentials(server).get('grid_worker')!,
      );
      const me = await worker.json<{ permissions: Record<string, string[]> }>('GET', '/api/auth/me');
      const grid = me.permissions['visit.read']![0]!;
      const map = await openPage(browser, server.baseUrl, pageErrors, { context: PHONE_VIEW });
      await map.goto('/login');
      await logIn(map, 'grid_worker', demoCredentials(server).get('grid_worker')!);
      await map.waitForURL((url) => !url.pathname.startsWith('/login'));
      await map.goto(`/regions/${grid}`);
      const legend = await visibleText(map, 'visit-legend');
      expect(legend).toContain('大走访');
      expect(legend).toMatch(/尚未走访 \d+ 户/);
      expect(legend).toMatch(/已入户见面 \d+ 户/);
      // Some building still has households not yet visited: its tile says so, in red words.
      const unvisited = map.locator('[data-testid^="map-building-"] [data-visit-state="not_visited"]');
      expect(await visibleText(map, unvisited.first())).toMatch(/\d+ 户未走访/);
      await screenshot(map, 'grid-map-visits');

      // In the building, each room says its state; the ones not yet visited in red words.
      await map.locator('[data-testid^="map-building-"]').first().click();
      const room = map.locator('[data-testid^="map-household-"][data-visit-state="not_visited"]').first();
      expect(await visibleText(map, room)).toContain('尚未走访');
      await screenshot(map, 'grid-map-visits-building');
      expect(pageErrors).toEqual([]);
    });
  },
);
