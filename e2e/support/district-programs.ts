import fs from 'node:fs';
import path from 'node:path';
import { residentRows, writeResidentXlsx } from '../../src/server/fixtures/resident-rows';
import { campaignSchema } from '../../src/shared/api/visits';
import { type ApiClient, apiRead, createRegion, createUser, waitForImport } from './api';

/** The people and places of the whole-chain browser test (e2e/district-programs.e2e.ts). */

export const QINGNIAN = '230108001002';
export const GRID_NAME = '青年五网格';
export const WORKER = {
  username: 'chain_worker',
  displayName: '青年五网格网格员',
  password: 'Grid-Round-2026-Qx',
};
/** The community secretary who leads the volunteer team's activities. */
export const LEADER = {
  username: 'chain_leader',
  displayName: '志愿服务队队长',
  password: 'Team-Lead-2026-Qx',
};
/** The love supermarket's clerk: a timebank_clerk account of the community (codes, nothing else). */
export const CLERK = { username: 'chain_clerk', displayName: '爱心超市店员', password: 'Shop-Desk-2026-Qx' };
export const TEAM = '青年社区志愿服务队';
/** Dearer than the starter grant alone: the resident can afford it only with the hours they earn. */
export const ITEM = { name: '爱心大米 5 公斤', priceMinutes: 150 };

/** Column indexes of a resident row (the template's order). */
const NAME = 0;
const ID_NUMBER = 1;
const PHONE = 3;
const RELATION = 10;

/** A day in Beijing, the calendar campaigns and certificates are written in. */
export const beijingDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

export interface District {
  grid: string;
  campaign: string;
  teamId: string;
  /** The one person the chain follows: visited, volunteering, earning and spending minutes. */
  resident: { name: string; idNumber: string; phone: string };
}

/**
 * 青年五网格 with 1号楼 and eight residents imported; the grid worker, the leader and the clerk;
 * a campaign over every household of the grid (assigned to its worker); the volunteer team; an
 * item of the community's love supermarket.
 */
export async function setUpDistrict(admin: ApiClient, folder: string): Promise<District> {
  const grid = await createRegion(admin, QINGNIAN, 'grid', GRID_NAME);
  await createRegion(admin, grid, 'building', '1号楼');
  const rows = [...residentRows({ count: 8, gridCode: grid, buildings: ['1号楼'], seed: 13 })];
  const file = path.join(folder, 'residents.xlsx');
  await writeResidentXlsx(file, rows);
  const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
  await waitForImport(admin, job.id);
  // The resident: the head of a household (their name is on the grid worker's list) with a phone
  // (to sign in to the portal); not the first household, so the worker has to find theirs.
  const chosen = rows.filter((row) => row[RELATION] === '户主' && row[PHONE]).at(-1)!;

  await createUser(admin, WORKER, 'grid_worker', grid);
  await createUser(admin, LEADER, 'secretary', QINGNIAN);
  await createUser(admin, CLERK, 'timebank_clerk', QINGNIAN);
  const today = beijingDay(Date.now());
  const campaign = await apiRead(admin, campaignSchema, 'POST', '/api/visit-campaigns', {
    name: `${GRID_NAME}大走访`,
    regionCode: grid,
    startsOn: today,
    endsOn: `${today.slice(0, 4)}-12-31`,
    rule: 'every_household',
  });
  if (campaign.households < 2) throw new Error(`The campaign targets ${campaign.households} households`);
  const team = await admin.json<{ id: string }>('POST', '/api/organizations', {
    kind: 'volunteer_team',
    name: TEAM,
    anchorRegionCode: QINGNIAN,
  });
  await admin.json('POST', '/api/timebank/items', { regionCode: QINGNIAN, ...ITEM, stock: 5 });
  return {
    grid,
    campaign: campaign.id,
    teamId: team.id,
    resident: { name: chosen[NAME]!, idNumber: chosen[ID_NUMBER]!, phone: chosen[PHONE]! },
  };
}

/** The activity of the chain: one place, one two-hour shift beginning in twenty minutes. */
export const snowDayActivity = (teamId: string, title: string) => {
  const start = Date.now() + 20 * 60_000;
  return {
    teamId,
    area: '社区环境',
    title,
    description: '清扫楼道和单元门前积雪，帮独居老人清出通道',
    place: '1号楼楼下',
    signupMode: 'open',
    cancelCutoffHours: 0,
    shifts: [
      {
        role: '清雪',
        needed: 1,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * 3_600_000).toISOString(),
      },
    ],
  };
};
