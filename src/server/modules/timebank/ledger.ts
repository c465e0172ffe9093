import { v7 as uuidv7 } from 'uuid';
import { beijingMonth } from '../../../shared/beijing-time.js';
import { districtOf, regionAt } from '../../../shared/region-code.js';
import type { Executor } from '../../db/database.js';
import { conflict, fieldError } from '../../http/errors.js';
import { rollupsRepository } from '../cockpit/index.js';
import { accountsRepository, type LimitRow, ownersRepository } from './accounts.repository.js';
import { CIRCULATING_KINDS } from './circulation-kinds.js';
import type { OwnerKind, TimebankAccount, TransferKind } from './timebank.tables.js';

/**
 * The ledger's one write path: every movement of minutes is a transfer between two accounts,
 * written as two ledger rows (−m on the payer, +m on the payee) in the caller's transaction, with
 * the cached balances moved by the same amounts under the bounds of each account's kind.
 */

export interface Limits {
  floorMinutes: number;
  ceilingMinutes: number;
  starterGrantMinutes: number;
}

/** Far beyond any balance, inside a safe integer and a bigint: "no bound" for system accounts. */
export const UNBOUNDED = 1_000_000_000_000;

/** What holds until a district changes it (each change is logged in timebank_limit_changes). */
export const DEFAULT_LIMITS: Readonly<Record<OwnerKind, Limits>> = {
  person: { floorMinutes: 0, ceilingMinutes: 60_000, starterGrantMinutes: 60 },
  household: { floorMinutes: 0, ceilingMinutes: 60_000, starterGrantMinutes: 0 },
  // Teams credit their volunteers' confirmed hours: they may run into the negative to a bound.
  organization: { floorMinutes: -600_000, ceilingMinutes: 600_000, starterGrantMinutes: 0 },
  fund: { floorMinutes: 0, ceilingMinutes: 6_000_000, starterGrantMinutes: 0 },
  escrow: { floorMinutes: 0, ceilingMinutes: UNBOUNDED, starterGrantMinutes: 0 },
  // Where starter grants come from: a district's issuance goes negative by what it has granted.
  issuance: { floorMinutes: -UNBOUNDED, ceilingMinutes: UNBOUNDED, starterGrantMinutes: 0 },
};

/** Kinds whose bounds a district may change; escrow and issuance are bookkeeping. */
export const CONFIGURABLE_KINDS = ['person', 'household', 'organization', 'fund'] as const;
export type ConfigurableKind = (typeof CONFIGURABLE_KINDS)[number];

export const MAX_TRANSFER_MINUTES = 1_000_000;

/** The limits in force in a district, per kind: its latest change, or the default. */
export async function limitsOf(db: Executor, districtCode: string): Promise<Record<OwnerKind, Limits>> {
  const limits: Record<OwnerKind, Limits> = { ...DEFAULT_LIMITS };
  const seen = new Set<OwnerKind>();
  for (const change of await accountsRepository.limitChanges(db, districtCode)) {
    if (seen.has(change.owner_kind) || !(CONFIGURABLE_KINDS as readonly string[]).includes(change.owner_kind))
      continue;
    seen.add(change.owner_kind);
    limits[change.owner_kind] = toLimits(change);
  }
  return limits;
}

const toLimits = (row: LimitRow): Limits => ({
  floorMinutes: Number(row.floor_minutes),
  ceilingMinutes: Number(row.ceiling_minutes),
  starterGrantMinutes: Number(row.starter_grant_minutes),
});

export interface PostInput {
  from: TimebankAccount;
  to: TimebankAccount;
  minutes: number;
  kind: TransferKind;
  memo?: string | undefined;
  ref?: string | undefined;
  reversesId?: string | undefined;
  createdBy: string | null;
  at: string;
}

/**
 * Writes one transfer. The two balance updates run in account-id order, so two transfers between
 * the same accounts in opposite directions lock them in the same order and cannot deadlock; each
 * update checks its own bound (floor for the payer, ceiling for the payee). Throws 409
 * `timebank.insufficient` or `timebank.ceiling`; the caller's transaction then rolls back whole.
 */
export async function postTransfer(trx: Executor, input: PostInput): Promise<string> {
  const { from, to, minutes } = input;
  if (!Number.isSafeInteger(minutes) || minutes <= 0)
    throw fieldError('minutes', 'timebank.minutes_positive');
  if (from.id === to.id) throw fieldError('to', 'timebank.same_account');
  const fromDistrict = await limitsOf(trx, from.district_code);
  const fromLimits = fromDistrict[from.owner_kind];
  const toLimits = (
    to.district_code === from.district_code ? fromDistrict : await limitsOf(trx, to.district_code)
  )[to.owner_kind];
  const steps = [
    {
      account: from,
      delta: -minutes,
      bound: fromLimits.floorMinutes,
      code: 'timebank.insufficient' as const,
    },
    { account: to, delta: minutes, bound: toLimits.ceilingMinutes, code: 'timebank.ceiling' as const },
  ].sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
  for (const step of steps) {
    if (!(await accountsRepository.applyDelta(trx, step.account.id, step.delta, step.bound))) {
      throw conflict(step.code, { name: step.account.owner_name, bound: step.bound });
    }
  }
  const id = uuidv7();
  await accountsRepository.insertTransfer(
    trx,
    {
      id,
      district_code: from.district_code,
      from_account_id: from.id,
      to_account_id: to.id,
      minutes,
      kind: input.kind,
      memo: input.memo ?? '',
      ref: input.ref ?? null,
      reverses_id: input.reversesId ?? null,
      created_by: input.createdBy,
      created_at: input.at,
    },
    [
      {
        id: uuidv7(),
        district_code: from.district_code,
        transfer_id: id,
        account_id: from.id,
        minutes: -minutes,
        created_at: input.at,
      },
      {
        id: uuidv7(),
        district_code: to.district_code,
        transfer_id: id,
        account_id: to.id,
        minutes,
        created_at: input.at,
      },
    ],
  );
  if (CIRCULATING_KINDS.has(input.kind))
    await rollupsRepository.bump(trx, from.region_code, [
      { period: beijingMonth(input.at), counter: 'tb.circulated_minutes', value: minutes },
    ]);
  return id;
}

/** The account of a community's fund or escrow, or a district's issuance, opened on first use. */
export async function systemAccount(
  trx: Executor,
  kind: 'fund' | 'escrow' | 'issuance',
  regionCode: string,
  at: string,
): Promise<TimebankAccount> {
  const home = kind === 'issuance' ? districtOf(regionCode) : regionAt(regionCode, 'community');
  const key = `${kind}:${home}`;
  const existing = await accountsRepository.byOwnerKey(trx, key);
  if (existing) return existing;
  const place = (await ownersRepository.regionName(trx, home)) ?? home;
  const suffix = { fund: '爱心基金', escrow: '托管', issuance: '发行' }[kind];
  await accountsRepository.insertIfAbsent(trx, {
    id: uuidv7(),
    district_code: districtOf(home),
    region_code: home,
    owner_kind: kind,
    owner_id: null,
    owner_key: key,
    owner_name: `${place}${suffix}`,
    balance_minutes: 0,
    created_at: at,
  });
  return (await accountsRepository.byOwnerKey(trx, key))!;
}
