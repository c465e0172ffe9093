import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Activity, Certificate, Volunteer } from '../src/shared/api/volunteering';
import { type ApiClient, apiLogin } from './support/api';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { demoCredentials, type RunningServer, startServer } from './support/server';
import { logIn, visibleText } from './support/ui';

interface Page1<T> {
  items: T[];
}

/**
 * The leader's flow on the demo district: an activity with one place, a sign-up that waits and
 * moves up when the first cancels, the rotating code on the leader's 360-px phone typed by the
 * member on their own page, hours confirmed, and the certificate's serial checked on the public
 * page without signing in.
 */
describeInBrowser(
  'volunteering: a leader runs an activity with sign-up, waiting list and code check-in',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let leader: Page;
    let phone: Page;
    let memberPage: Page;
    let secretary: ApiClient;
    let activity: Activity;
    let memberVolunteer: Volunteer;
    let other: Volunteer;
    const pageErrors: string[] = [];
    const credentials = () => demoCredentials(server);

    beforeAll(async () => {
      server = await startServer({ demo: true });
      browser = await launchBrowser();
      const secretaryPassword = credentials().get('community_secretary')!;
      secretary = await apiLogin(server.baseUrl, 'community_secretary', secretaryPassword);
      const admin = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
      const member = await apiLogin(server.baseUrl, 'member', credentials().get('member')!);
      const me = await member.json<{ name: string; regionCode: string }>('GET', '/api/me/member');
      // A team of its own, in the member's community: the small demo may have none there.
      const team = await admin.json<{ id: string }>('POST', '/api/organizations', {
        kind: 'volunteer_team',
        name: '浏览器测试志愿服务队',
        anchorRegionCode: me.regionCode,
      });
      const persons = await admin.json<Page1<{ id: string; name: string }>>(
        'GET',
        `/api/persons?q=${encodeURIComponent(me.name)}&limit=20`,
      );
      const enrol = (personId: string) =>
        admin.json<Volunteer>('POST', '/api/volunteers', { teamId: team.id, personId });
      memberVolunteer = await enrol(persons.items.find((p) => p.name === me.name)!.id);
      const someone = (
        await admin.json<Page1<{ id: string; name: string }>>('GET', '/api/persons?limit=20')
      ).items.find((p) => p.name !== me.name)!;
      other = await enrol(someone.id);
      const start = Date.now() + 20 * 60_000;
      activity = await secretary.json<Activity>('POST', '/api/volunteer-activities', {
        teamId: team.id,
        area: '社区环境',
        title: '浏览器测试清扫日',
        place: '3号楼',
        signupMode: 'open',
        cancelCutoffHours: 0,
        shifts: [
          {
            role: '清扫',
            needed: 1,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 2 * 3_600_000).toISOString(),
          },
        ],
      });
      leader = await openPage(browser, server.baseUrl, pageErrors);
      phone = await openPage(browser, server.baseUrl, pageErrors, {
        context: { viewport: { width: 360, height: 740 } },
      });
      memberPage = await openPage(browser, server.baseUrl, pageErrors, {
        context: { viewport: { width: 360, height: 740 } },
      });
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const pick = async (name: string) => {
      await leader.getByTestId('pick-volunteer').click();
      await leader.keyboard.type(name);
      await leader.locator('.ant-select-item-option', { hasText: name }).first().click();
      await leader.getByTestId('add-signup').click();
    };

    it('fills the place, puts the next on the waiting list and moves them up on cancellation', async () => {
      await leader.goto('/login');
      await logIn(leader, 'admin', server.adminPassword);
      await leader.waitForURL((url) => !url.pathname.startsWith('/login'));
      await leader.goto(`/volunteering/activities/${activity.id}`);
      expect(await visibleText(leader, 'activity-title')).toBe('浏览器测试清扫日');
      await pick(other.name);
      await leader.getByText('已确认', { exact: true }).first().waitFor();
      await pick(memberVolunteer.name);
      await leader.getByText('候补第 1 位').waitFor();
      await leader.getByTestId('cancel-signup').first().click();
      await leader.getByText('已取消').waitFor();
      await expect.poll(async () => leader.getByText('候补第 1 位').count()).toBe(0);
      expect(await visibleText(leader, leader.getByTestId('shift-fill').first())).toContain('已确认 1/1');
    });

    it('enters hours afterwards only for a begun shift; the server’s refusals land on the fields', async () => {
      await leader.getByTestId('enter-hours').click();
      const form = leader.getByRole('dialog');
      await form.getByTestId('bulk-volunteer').click();
      await leader.keyboard.type(other.name);
      await leader.locator('.ant-select-item-option', { hasText: other.name }).first().click();
      await form.getByTestId('bulk-minutes').fill('0');
      await form.getByTestId('bulk-save').click();
      const error = form.getByTestId('bulk-row').locator('.ant-form-item-explain-error');
      expect(await visibleText(leader, error)).toBe('不能小于 1');
      await form.getByTestId('bulk-minutes').fill('90');
      await error.waitFor({ state: 'detached' });
      await form.getByTestId('bulk-save').click();
      await form.getByText('班次开始后才能补录时长').waitFor();
      await form.getByRole('button', { name: /取\s*消/ }).click();
      await form.waitFor({ state: 'detached' });
    });

    it('checks the member in with the code on the leader’s phone, and confirms the hours', async () => {
      await phone.goto('/login');
      await logIn(phone, 'admin', server.adminPassword);
      await phone.waitForURL((url) => !url.pathname.startsWith('/login'));
      await phone.goto(`/volunteering/activities/${activity.id}/check-in`);
      await expect
        .poll(async () => (await visibleText(phone, 'check-in-code')).replace(/\D/g, '').length)
        .toBe(6);
      const code = (await visibleText(phone, 'check-in-code')).trim();

      await memberPage.goto('/login');
      await logIn(memberPage, 'member', credentials().get('member')!);
      await memberPage.waitForURL((url) => !url.pathname.startsWith('/login'));
      await memberPage.goto('/me/volunteering');
      const card = memberPage.getByTestId('open-activity').filter({ hasText: '浏览器测试清扫日' });
      await card.getByTestId('code-input').fill(code);
      await card.getByTestId('code-check-in').click();
      await memberPage.getByText('已保存').waitFor();

      await leader.reload();
      await leader.getByText(/签到 \d\d:\d\d/).waitFor();
      await leader.getByTestId('check-out').click();
      await leader.getByText(/签退 \d\d:\d\d/).waitFor();
      await leader.getByTestId('confirm-hours').click();
      await leader.getByText('时长已确认').waitFor();
    });

    it('confirms the certificate’s serial on the public page, without signing in', async () => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const certificate = await secretary.json<Certificate>(
        'POST',
        `/api/volunteers/${memberVolunteer.id}/certificates`,
        {
          from: today,
          to: today,
        },
      );
      const visitor = await openPage(browser, server.baseUrl, pageErrors, {
        context: { viewport: { width: 360, height: 740 } },
      });
      await visitor.goto(`/verify?serial=${certificate.serial}`);
      await visitor.getByTestId('verify-submit').click();
      const result = await visibleText(visitor, 'verify-result');
      expect(result).toContain('证明真实有效');
      expect(result).toContain(`${[...memberVolunteer.name][0]}*`);
      expect(result).not.toContain(memberVolunteer.name);
      await visitor.getByTestId('verify-serial').fill('ZY-230108-20200101-AAAAAA');
      await visitor.getByTestId('verify-submit').click();
      await visitor.getByTestId('verify-error').waitFor();
      expect(pageErrors).toEqual([]);
    });
  },
);
