import type {
  ContactMethod,
  PairingEndReason,
  PairingHelperKind,
  PairingStatus,
  PairingTargetKind,
  SupportKind,
} from '../../../shared/api/pairings.js';

/** Row types of the assistance pairings' tables (migration 0025). Timestamps are ISO strings. */

export interface PairingTable {
  id: string;
  district_code: string;
  region_code: string;
  helper_kind: PairingHelperKind;
  helper_id: string;
  helper_name: string;
  target_kind: PairingTargetKind;
  target_id: string;
  target_name: string;
  goals: string;
  plan: string;
  next_contact_on: string | null;
  status: PairingStatus;
  started_on: string;
  ended_on: string | null;
  end_reason: PairingEndReason | null;
  end_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

interface PairingEntry {
  id: string;
  district_code: string;
  pairing_id: string;
  on_day: string;
  description: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: string;
}

export interface PairingContactTable extends PairingEntry {
  method: ContactMethod;
}

export interface PairingSupportTable extends PairingEntry {
  kind: SupportKind;
  amount_fen: number;
}

export type PairingOutcomeTable = PairingEntry;

export interface PairingsTables {
  pairings: PairingTable;
  pairing_contacts: PairingContactTable;
  pairing_supports: PairingSupportTable;
  pairing_outcomes: PairingOutcomeTable;
}
