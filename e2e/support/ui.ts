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

/** Types into a region picker (RegionTreeSelect) and takes the matching search result. */
export async function pickRegion(page: Page, picker: Locator, query: string, code: string): Promise<void> {
  await picker.click();
  await page.keyboard.type(query);
  await page.getByTestId(`region-option-${code}`).click();
}

/** Types a name into a member picker (MemberPicker) and takes "name · organization" from the results. */
export async function pickMember(
  page: Page,
  picker: Locator,
  name: string,
  organization: string,
): Promise<void> {
  // Wait for the search of the whole name (the picker debounces): an option clicked while an
  // earlier, partial search's answer re-renders the list can miss, leaving nothing chosen.
  const searched = page
    .waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/members' && url.searchParams.get('q') === name;
    })
    .catch(() => undefined);
  await picker.click();
  await page.keyboard.type(name);
  // A name searched moments ago answers from the cache, without a request.
  await Promise.race([searched, page.waitForTimeout(3_000)]);
  await page.locator(`.ant-select-item-option[title="${name} · ${organization}"]`).click();
}

/** Fills an antd date picker (the element with the test id, or the input inside it) and confirms. */
export async function fillDate(page: Page, picker: Locator, date: string): Promise<void> {
  const input = picker.locator('input').or(picker.and(page.locator('input')));
  await input.first().click();
  // Enter confirms the date only while the picker's panel is open; pressed before it opens (a busy
  // machine), it submits the surrounding form instead and the dialog closes under the test.
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last().waitFor();
  await input.first().fill(date);
  await page.keyboard.press('Enter');
}

/** Signs a staff user in on the login page and waits until they land on their home. */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await logIn(page, user.username, user.password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
