/** Row types of the time bank (migration 0013). Minutes are whole numbers; balances may be negative only where a floor allows. */

/** Persons, households and organizations own accounts; each community has a fund and an escrow; each district an issuance account. */
export type OwnerKind = 'person' | 'household' | 'organization' | 'fund' | 'escrow' | 'issuance';

export type TransferKind =
  | 'transfer'
  | 'grant'
  | 'credit'
  | 'donation'
  | 'escrow'
  | 'release'
  | 'refund'
  | 'redemption'
  | 'reversal';

export type PostKind = 'offer' | 'request';
export type PostStatus = 'open' | 'accepted' | 'confirmed' | 'cancelled' | 'expired';
export type OrderStatus = 'pending' | 'redeemed' | 'refunded';

export interface TimebankAccountTable {
  id: string;
  district_code: string;
  region_code: string;
  owner_kind: OwnerKind;
  owner_id: string | null;
  owner_key: string;
  owner_name: string;
  balance_minutes: number;
  created_at: string;
}

export interface TimebankTransferTable {
  id: string;
  district_code: string;
  from_account_id: string;
  to_account_id: string;
  minutes: number;
  kind: TransferKind;
  memo: string;
  ref: string | null;
  reverses_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface TimebankLedgerTable {
  id: string;
  district_code: string;
  transfer_id: string;
  account_id: string;
  minutes: number;
  created_at: string;
}

export interface TimebankLimitChangeTable {
  id: string;
  district_code: string;
  owner_kind: OwnerKind;
  floor_minutes: number;
  ceiling_minutes: number;
  starter_grant_minutes: number;
  changed_by: string | null;
  changed_at: string;
}

export interface TimebankPostTable {
  id: string;
  district_code: string;
  region_code: string;
  kind: PostKind;
  category: string;
  title: string;
  description: string;
  minutes: number;
  poster_account_id: string;
  helper_account_id: string | null;
  payer_account_id: string | null;
  status: PostStatus;
  expires_at: string;
  escrow_transfer_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TimebankItemTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  price_minutes: number;
  stock: number;
  created_at: string;
  updated_at: string;
}

export interface TimebankOrderTable {
  id: string;
  district_code: string;
  region_code: string;
  item_id: string;
  account_id: string;
  quantity: number;
  minutes: number;
  code_hash: string;
  status: OrderStatus;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  pay_transfer_id: string;
  refund_transfer_id: string | null;
  created_at: string;
}

export interface TimebankTables {
  timebank_accounts: TimebankAccountTable;
  timebank_transfers: TimebankTransferTable;
  timebank_ledger: TimebankLedgerTable;
  timebank_limit_changes: TimebankLimitChangeTable;
  timebank_posts: TimebankPostTable;
  timebank_items: TimebankItemTable;
  timebank_orders: TimebankOrderTable;
}

/** No generated or defaulted-only columns: a selected row has exactly the table's shape. */
export type TimebankAccount = TimebankAccountTable;
export type TimebankTransfer = TimebankTransferTable;
export type TimebankLedgerRow = TimebankLedgerTable;
export type TimebankPost = TimebankPostTable;
export type TimebankItem = TimebankItemTable;
export type TimebankOrder = TimebankOrderTable;
