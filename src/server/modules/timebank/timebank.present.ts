import type { AccountDto, LedgerRowDto } from '../../../shared/api/timebank.js';
import type { LedgerLine } from './accounts.repository.js';
import type { AccountView } from './timebank.service.js';
import type { OwnerKind, TimebankItem } from './timebank.tables.js';

/** Rows to the shared API shapes, and the rule for whose names a viewer sees. */

export const toAccountDto = (account: AccountView): AccountDto => ({
  id: account.id,
  ownerKind: account.owner_kind,
  ownerName: account.owner_name,
  regionCode: account.region_code,
  balanceMinutes: Number(account.balance_minutes),
  floorMinutes: account.floor_minutes,
  ceilingMinutes: account.ceiling_minutes,
});

export const toItemDto = (item: TimebankItem) => ({
  id: item.id,
  regionCode: item.region_code,
  name: item.name,
  priceMinutes: Number(item.price_minutes),
  stock: Number(item.stock),
});

/** A name with all but its first character hidden: 王建国 → 王**, as the public certificate check shows. */
export const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/** Accounts named after people (personal data); the others are organizations and community accounts. */
const PERSONAL_KINDS: ReadonlySet<OwnerKind> = new Set(['person', 'household']);

/** One side of a transfer as the presenter needs it. */
export interface AccountSide {
  id: string;
  name: string;
  kind: OwnerKind;
  regionCode: string;
}

/**
 * Whose names a viewer sees in full: a function of the account's side, answering whether the
 * viewer may see that person's name (staff: the account lies in the scope they read it in;
 * residents and members: never another person's). Organizations, funds and the community's
 * bookkeeping accounts are no personal data and always show.
 */
export type NameRule = (side: AccountSide) => boolean;

export const shownName = (side: AccountSide, mayKnow: NameRule): string =>
  PERSONAL_KINDS.has(side.kind) && !mayKnow(side) ? maskName(side.name) : side.name;

/** The other side of a ledger row's transfer. */
export function counterpartOf(row: LedgerLine): AccountSide {
  return row.account_id === row.from_account_id
    ? { id: row.to_account_id, name: row.to_name, kind: row.to_kind, regionCode: row.to_region }
    : { id: row.from_account_id, name: row.from_name, kind: row.from_kind, regionCode: row.from_region };
}

export const toLedgerRowDto = (row: LedgerLine, mayKnow: NameRule): LedgerRowDto => {
  const other = counterpartOf(row);
  return {
    id: row.id,
    transferId: row.transfer_id,
    minutes: Number(row.minutes),
    kind: row.kind,
    memo: row.memo,
    counterpartAccountId: other.id,
    counterpartName: shownName(other, mayKnow),
    counterpartKind: other.kind,
    reversesId: row.reverses_id,
    at: row.created_at,
  };
};
