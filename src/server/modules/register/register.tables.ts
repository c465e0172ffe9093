/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface TagTable {
  code: string;
  name: string;
  sort: number;
  created_at: string;
}

export interface HouseholdTable {
  id: string;
  district_code: string;
  /** The building the household lives in, or its grid when there are no buildings. */
  region_code: string;
  grid_code: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  head_person_id: string | null;
  overview: string;
  created_at: string;
  updated_at: string;
}

/** non_resident: a minimal record (e.g. a member living outside the district); not in register lists. */
export type PersonStatus = 'active' | 'moved_out' | 'deceased' | 'anonymized' | 'non_resident';

export interface PersonTable {
  id: string;
  district_code: string;
  region_code: string;
  household_id: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: 'male' | 'female';
  birth_date: string;
  ethnicity: string;
  relation: string;
  id_number_enc: string;
  id_number_bidx: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_last4_bidx: string | null;
  registered_address: string;
  current_address: string;
  note: string;
  status: PersonStatus;
  row_hash: string;
  created_at: string;
  updated_at: string;
}

export interface PersonTagTable {
  person_id: string;
  tag_code: string;
  district_code: string;
}

export interface HealthRecordTable {
  person_id: string;
  district_code: string;
  region_code: string;
  record_enc: string;
  created_at: string;
  updated_at: string;
}

export interface ResidenceMoveTable {
  id: string;
  district_code: string;
  subject_type: 'household' | 'person';
  subject_id: string;
  from_region_code: string;
  to_region_code: string;
  from_household_id: string | null;
  to_household_id: string | null;
  actor_id: string | null;
  at: string;
}

export type ImportJobStatus = 'running' | 'succeeded' | 'rejected' | 'failed';

export interface ImportJobTable {
  id: string;
  district_code: string;
  region_code: string;
  user_id: string;
  kind: string;
  file_name: string;
  skip_invalid: number;
  status: ImportJobStatus;
  progress: number;
  total_rows: number;
  created_rows: number;
  updated_rows: number;
  unchanged_rows: number;
  invalid_rows: number;
  report_file: string | null;
  message: string | null;
  started_at: string;
  finished_at: string | null;
}

/** The tables of this module, by name. */
export interface RegisterTables {
  tags: TagTable;
  households: HouseholdTable;
  persons: PersonTable;
  person_tags: PersonTagTable;
  health_records: HealthRecordTable;
  residence_moves: ResidenceMoveTable;
  import_jobs: ImportJobTable;
}
