import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type ResidentCells, residentRows, writeResidentXlsx } from '../../src/server/fixtures/resident-rows';
import { type ApiClient, createRegion, createUser, waitForImport } from './api';

/** What the organizations browser tests share: 青年社区's people, its committee, page helpers. */

export const QINGNIAN = '230108001002';
export const SECRETARY = {
  username: 'qn_secretary',
  displayName: '青年社区书记',
  password: 'Youth-Party-2026!',
};
export const MEMBER_ACCOUNT = { username: 'qn_member', password: 'Red-Flag-Member-9' };
export const COMMITTEE = '青年社区党委';
export const CORRIDOR = '1号楼楼道党支部';
export const WARM_GROUP = '1号楼1单元温馨小组';

/** Column indexes of a resident row (the template's order). */
export const NAME = 0;
export const ID_NUMBER = 1;
export const PHONE = 3;
const UNIT = 7;
const ROOM = 9;

export interface Qingnian {
  grid: string;
  building: string;
  committeeId: string;
  /** Households of 1号楼: all of them, and those of unit 1 ("this entrance"). */
  households: number;
  unitOneHouseholds: number;
  /** Residents who become members: the first leads the warm group; the second registers. */
  members: ResidentCells[];
  /** The residents of the member file: `members` and five more from the set-up file. */
  registerMembers: ResidentCells[];
}

/**
 * 青年三网格 with 1号楼 and its 30 residents imported, the secretary's and a member's accounts,
 * and 青年社区党委.
 */
export async function setUpQingnian(admin: ApiClient, folder: string): Promise<Qingnian> {
  const grid = await createRegion(admin, QINGNIAN, 'grid', '青年三网格');
  const building = await createRegion(admin, grid, 'building', '1号楼');
  const rows = [...residentRows({ count: 30, gridCode: grid, buildings: ['1号楼'], seed: 11 })];
  const file = path.join(folder, '青年三网格居民.xlsx');
  await writeResidentXlsx(file, rows);
  const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
  await waitForImport(admin, job.id);
  const places = new Set(rows.map((row) => `${row[UNIT]}-${row[ROOM]}`));
  // Three residents of different households (the first leads the warm group, the second
  // registers, the third is assigned a household) and five more are imported as members.
  const seen = new Set<string>();
  const members = rows
    .filter((row) => {
      const place = `${row[UNIT]}-${row[ROOM]}`;
      if (seen.has(place)) return false;
      seen.add(place);
      return true;
    })
    .slice(0, 3);
  const registerMembers = [...members, ...rows.filter((row) => !members.includes(row)).slice(0, 5)];

  await createUser(admin, SECRETARY, 'secretary', QINGNIAN);
  await createUser(admin, { ...MEMBER_ACCOUNT, displayName: members[1]![NAME]! }, 'member', QINGNIAN);
  const committee = await admin.json<{ id: string }>('POST', '/api/organizations', {
    kind: 'committee',
    name: COMMITTEE,
    parentId: null,
    anchorRegionCode: QINGNIAN,
  });
  return {
    grid,
    building,
    committeeId: committee.id,
    households: places.size,
    unitOneHouseholds: [...places].filter((place) => place.startsWith('1-')).length,
    members,
    registerMembers,
  };
}

/** The server's rounding of a coverage percentage (one decimal). */
export const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/** Helpers for the organization pages of the test's page (`current`: opened in beforeAll). */
export function organizationPages(current: () => Page) {
  return {
    /** Waits until the success messages have faded, so a screenshot shows the page under them. */
    quiet: () =>
      current().locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8000 }),
    dialog: (name: string) => current().getByRole('dialog', { name }),
  };
}
