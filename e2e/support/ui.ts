import type { Locator, Page } from 'playwright-core';

/** The text a user sees in an element (by test id or locator), once it is visible. */
export async function visibleText(page: Page, target: string | Locator): Promise<string> {
  const element = typeof target === 'string' ? page.getByTestId(target) : target;
  await element.waitFor();
  // Playwright's innerText is the rendered text: what the user reads, which is the point here.
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright Locator, not a DOM node
  return (await element.innerText()).trim();
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await page.waitForURL('**/login');
}
