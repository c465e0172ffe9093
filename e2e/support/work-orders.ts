import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type ResidentCells, residentRows, writeResidentXlsx } from '../../src/server/fixtures/resident-rows';
import { type ApiClient, waitForImport } from './api';
import { logIn } from './ui';

/** What the work-order browser tests share: the people of 青年社区 and helpers for their pages. */

export const DISTRICT = '230108';
export const QINGNIAN = { code: '230108001002', name: '青年社区' };
export const OPERATOR = {
  username: 'hotline_li',
  displayName: '热线接线员李娜',
  password: 'Line-Nine-2026!',
};
export const SECRETARY = {
  username: 'qn_secretary',
  displayName: '青年社区书记张伟',
  password: 'Youth-Party-2026!',
};
export const WORKER = {
  username: 'qn_worker',
  displayName: '青年三网格网格员刘洋',
  password: 'Grid-Keeper-2026!',
};
export const HOTLINE = { number: '0451-86661234', name: '平房区民生服务热线' };
/** The caller: an elderly woman living alone, registered with her mobile number. */
export const CALLER = { name: '王秀英', phone: '13845671234' };
export const BRANCH = '青年社区党支部';

interface Region {
  code: string;
}

/** 青年三网格 with its 1号楼 under 青年社区; the grid's code. */
export async function createGrid(admin: ApiClient): Promise<string> {
  const grid = (
    await admin.json<Region>('POST', `/api/regions/${QINGNIAN.code}/children`, {
      kind: 'grid',
      name: '青年三网格',
    })
  ).code;
  await admin.json<Region>('POST', `/api/regions/${grid}/children`, { kind: 'building', name: '1号楼' });
  return grid;
}

/** The neighbours of 1号楼: five households on the first two floors. */
export const neighbourRows = (grid: string): ResidentCells[] => [
  ...residentRows({ count: 12, gridCode: grid, buildings: ['1号楼'], seed: 11 }),
];

export async function importResidents(
  admin: ApiClient,
  folder: string,
  rows: ResidentCells[],
): Promise<void> {
  const file = path.join(folder, '青年三网格居民.xlsx');
  await writeResidentXlsx(file, rows);
  const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
  await waitForImport(admin, job.id);
}

/** A neighbour who is a party member of BRANCH, for the ledger of good deeds; their name. */
export async function addPartyMember(admin: ApiClient, grid: string): Promise<string> {
  const branch = await admin.json<{ id: string }>('POST', '/api/organizations', {
    kind: 'branch',
    name: BRANCH,
    anchorRegionCode: QINGNIAN.code,
  });
  const neighbour = (
    await admin.json<{ items: { id: string; name: string; age: number }[] }>(
      'GET',
      `/api/persons?region=${grid}`,
    )
  ).items.find((person) => person.name !== CALLER.name && person.age >= 30)!;
  await admin.json('POST', '/api/members', {
    organizationId: branch.id,
    personId: neighbour.id,
    category: 'formal',
    status: 'retired',
    joinedOn: '1985-07-01',
  });
  return neighbour.name;
}

/**
 * Small helpers for the work-order pages of the test's browser page (`current`: the page is opened
 * in beforeAll, after the helpers are made).
 */
export function orderPages(current: () => Page) {
  return {
    /** The input or text area behind a test id (antd puts the id on the field or on its wrapper). */
    field: (testId: string) => {
      const element = current().getByTestId(testId);
      return element
        .locator('input, textarea')
        .or(element.and(current().locator('input, textarea')))
        .first();
    },
    /** Waits until a page part shows a text (lists load after the page appears). */
    shown: (testId: string, content: string) =>
      current().getByTestId(testId).getByText(content).first().waitFor(),
    /** An open dialog by its title. */
    dialog: (title: string): Locator => current().getByRole('dialog', { name: title }),
    /** Picks an option of the open select dropdown by its text. */
    option: (label: string) =>
      current().locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first(),
    async signIn(user: { username: string; password: string }): Promise<void> {
      // A step that failed before logging out must not leave its user signed in for the next.
      await current().context().clearCookies();
      await current().goto('/login');
      await logIn(current(), user.username, user.password);
      // Each role lands on its own home (secretaries on the cockpit, operators on the console).
      await current().waitForURL((url) => !url.pathname.startsWith('/login'));
    },
  };
}

/** antd writes two-character button labels with a space between the characters. */
export const spaced = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);
