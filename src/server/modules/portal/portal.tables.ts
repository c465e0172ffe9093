/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface ResidentAccountTable {
  id: string;
  district_code: string;
  phone_enc: string;
  phone_bidx: string;
  person_id: string | null;
  created_at: string;
  last_login_at: string | null;
  /** Elder mode: 1 on, 0 off, null never chosen (the portal may suggest it once). */
  elder_mode: number | null;
}

export interface ResidentSessionTable {
  id: string;
  resident_id: string;
  created_at: string;
  last_seen_at: string;
}

export interface OtpCodeTable {
  id: string;
  phone_bidx: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** The tables of this module, by name. */
export interface PortalTables {
  resident_accounts: ResidentAccountTable;
  resident_sessions: ResidentSessionTable;
  otp_codes: OtpCodeTable;
}
