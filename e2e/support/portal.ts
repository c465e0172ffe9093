import type { Page } from 'playwright-core';
import type { RunningServer } from './server';

/** The line the console SMS provider prints for a sign-in code sent to `phone` (masked as 138****1234). */
const codeLine = (phone: string) =>
  new RegExp(`\\[sms\\] ${phone.slice(0, 3)}\\*{4}${phone.slice(7)} 【连心】您的登录验证码为 (\\d{6})`, 'g');

const codesPrinted = (server: RunningServer, phone: string): string[] =>
  [...server.output().matchAll(codeLine(phone))].map((match) => match[1]!);

/**
 * Waits for a sign-in code for `phone` printed after the first `seen` ones (the server without an
 * SMS gateway prints what it would send), and answers it: a second sign-in must not take the
 * first one's code.
 */
export async function newSmsCode(server: RunningServer, phone: string, seen: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const codes = codesPrinted(server, phone);
    if (codes.length > seen) return codes.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No sign-in code for ${phone} was printed within 20 s:\n${server.output()}`);
}

/** Signs a resident in to the portal with their phone and the SMS code, as they would; lands on /m. */
export async function portalSignIn(page: Page, server: RunningServer, phone: string): Promise<void> {
  await page.goto('/m/login');
  await page.getByTestId('portal-phone').fill(phone);
  const seen = codesPrinted(server, phone).length;
  await page.getByTestId('portal-send-code').click();
  await page.getByTestId('portal-code').fill(await newSmsCode(server, phone, seen));
  await page.getByTestId('portal-login-submit').click();
  await page.waitForURL((url) => url.pathname === '/m');
}

/**
 * The portal offers elder mode once to a resident the register suggests it for (tagged as living
 * alone, or aged 70 and more: the demo's resident may be one). A test of the standard portal
 * declines it. The offer opens with the portal's layout, before the home's request list has loaded.
 */
export async function declineElderOffer(page: Page): Promise<void> {
  const offer = page.getByTestId('elder-suggestion-no');
  await page.getByTestId('portal-requests').or(offer).first().waitFor();
  if (await offer.isVisible()) {
    await offer.click();
    await offer.waitFor({ state: 'detached' });
  }
}
