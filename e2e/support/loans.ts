import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { residentRows, writeResidentXlsx } from '../../src/server/fixtures/resident-rows';
import { loanSettingsAnswerSchema } from '../../src/shared/api/loans';
import { personPageSchema } from '../../src/shared/api/register';
import { type ApiClient, apiRead, createRegion, createUser, waitForImport } from './api';
import type { RunningServer } from './server';

/** The people and places of the loans browser test (e2e/loans.e2e.ts). */

export const DISTRICT = '230108';
export const XINGJIAN = '230108001';
export const QINGNIAN = '230108001002';

const user = (username: string, displayName: string, password: string) => ({
  username,
  displayName,
  password,
});
/** Takes the application in at the borrower's grid (loan.apply) and is sent the arrears visit. */
export const GRID_WORKER = user('dk_wangge', '青年六网格网格员', 'Grid-Six-2026-Qx');
/** The community's review (社区审核): the checklist and passing the application on. */
export const SECRETARY = user('dk_shequ', '青年社区书记', 'Community-Desk-2026-Qx');
/** The level above the community: a late community step is escalated to the street's secretaries. */
export const STREET = user('dk_jiedao', '兴建街道书记', 'Street-Desk-2026-Qx');
export const CENTRE = user('dk_danbao', '区担保中心经办人', 'Guarantee-Desk-2026-Qx');
export const BANK = user('dk_yinhang', '哈尔滨银行信贷员', 'Bank-Desk-2026-Qx');

/** Column indexes of a resident row (the template's order). */
const ID_NUMBER = 1;
const PHONE = 3;
const RELATION = 10;

export interface LoanDistrict {
  grid: string;
  borrower: { id: string; idNumber: string; householdId: string };
}

/**
 * 青年六网格 with 1号楼 and eight residents imported; the five staff of the one-stop workflow; the
 * district's step deadlines with the community's review set to one day (the administrator's
 * configurable table, PUT /api/districts/:district/loan-settings).
 */
export async function setUpLoans(admin: ApiClient, folder: string): Promise<LoanDistrict> {
  const grid = await createRegion(admin, QINGNIAN, 'grid', '青年六网格');
  await createRegion(admin, grid, 'building', '1号楼');
  const rows = [...residentRows({ count: 8, gridCode: grid, buildings: ['1号楼'], seed: 18 })];
  const file = path.join(folder, 'residents.xlsx');
  await writeResidentXlsx(file, rows);
  const job = await admin.upload<{ id: string }>('/api/imports', fs.readFileSync(file), 'residents.xlsx');
  await waitForImport(admin, job.id);
  // The borrower: the head of a household (their household's grid gets the visit) with a phone.
  const chosen = rows.filter((row) => row[RELATION] === '户主' && row[PHONE]).at(-1)!;
  const idNumber = chosen[ID_NUMBER]!;
  const found = await apiRead(admin, personPageSchema, 'GET', `/api/persons?q=${idNumber}&limit=5`);
  const person = found.items[0];
  if (!person?.householdId) throw new Error(`The borrower ${idNumber} was not imported into a household`);

  await createUser(admin, GRID_WORKER, 'grid_worker', grid);
  await createUser(admin, SECRETARY, 'secretary', QINGNIAN);
  await createUser(admin, STREET, 'secretary', XINGJIAN);
  await createUser(admin, CENTRE, 'guarantee_officer', DISTRICT);
  await createUser(admin, BANK, 'bank_officer', DISTRICT);

  const { current } = await apiRead(
    admin,
    loanSettingsAnswerSchema,
    'GET',
    `/api/districts/${DISTRICT}/loan-settings`,
  );
  await admin.json('PUT', `/api/districts/${DISTRICT}/loan-settings`, {
    maxAmountFen: current.maxAmountFen,
    maxTermMonths: current.maxTermMonths,
    annualRateBp: current.annualRateBp,
    subsidyShareBp: current.subsidyShareBp,
    requiredDocuments: current.requiredDocuments,
    stepDays: { ...current.stepDays, community_review: 1 },
  });
  return { grid, borrower: { id: person.id, idNumber, householdId: person.householdId } };
}

/** A Beijing date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Days passing, written into the running server's SQLite file. The product has no clock to move:
 * a step's limit is at least one day (loanSettingsBody) and ends at a Beijing midnight, and a loan
 * cannot be disbursed before the day it was applied for, so its first instalment falls due a month
 * after the test. So the test stands the loan's dates where the days would have brought them, in
 * the columns the server's own jobs read (step_due_at; due_on and disbursed_on), and lets the
 * server's scheduler find them. The server keeps the file open in WAL mode: a second writer
 * waits for its lock (busy_timeout), as a second process of the server would.
 */
function withDatabase<T>(server: RunningServer, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, 'lianxin.db'));
  try {
    db.pragma('busy_timeout = 10000');
    return work(db);
  } finally {
    db.close();
  }
}

/** The community's one day has passed: the step's deadline is a minute ago. */
export function lapseStep(server: RunningServer, loanId: string, status: string): void {
  const changed = withDatabase(server, (db) =>
    db
      .prepare('UPDATE loan_applications SET step_due_at = ? WHERE id = ? AND status = ? AND overdue = 0')
      .run(new Date(Date.now() - 60_000).toISOString(), loanId, status),
  );
  if (changed.changes !== 1) throw new Error(`No waiting ${status} step of loan ${loanId} to lapse`);
}

/**
 * The loan was lent `days` days earlier than it was: every due date and the disbursement day move
 * back by as many days (the repayments keep their real dates).
 */
export function backdateSchedule(server: RunningServer, loanId: string, days: number): void {
  withDatabase(server, (db) =>
    db.transaction(() => {
      const rows = db
        .prepare('SELECT seq, due_on FROM loan_instalments WHERE application_id = ? ORDER BY seq')
        .all(loanId) as { seq: number; due_on: string }[];
      const move = db.prepare('UPDATE loan_instalments SET due_on = ? WHERE application_id = ? AND seq = ?');
      for (const row of rows) move.run(addDays(row.due_on, -days), loanId, row.seq);
      const lent = db.prepare('SELECT disbursed_on FROM loan_applications WHERE id = ?').get(loanId) as {
        disbursed_on: string;
      };
      db.prepare('UPDATE loan_applications SET disbursed_on = ? WHERE id = ?').run(
        addDays(lent.disbursed_on, -days),
        loanId,
      );
    })(),
  );
}
