import type { AccountDto, LedgerRowDto } from '../../../shared/api/timebank.js';
import type { AccountView } from './timebank.service.js';

/** Rows to the shared API shapes. */
export const toAccountDto = (account: AccountView): AccountDto => ({
  id: account.id,
  ownerKind: account.owner_kind,
  ownerName: account.owner_name,
  regionCode: account.region_code,
  balanceMinutes: Number(account.balance_minutes),
  floorMinutes: account.floor_minutes,
  ceilingMinutes: account.ceiling_minutes,
});

export const toLedgerRowDto = (
  accountId: string,
  row: {
    id: string;
    transfer_id: string;
    minutes: number;
    kind: string;
    memo: string;
    from_account_id: string;
    to_account_id: string;
    reverses_id: string | null;
    created_at: string;
  },
): LedgerRowDto => ({
  id: row.id,
  transferId: row.transfer_id,
  minutes: Number(row.minutes),
  kind: row.kind,
  memo: row.memo,
  counterpartAccountId: row.from_account_id === accountId ? row.to_account_id : row.from_account_id,
  reversesId: row.reverses_id,
  at: row.created_at,
});
