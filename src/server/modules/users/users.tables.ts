import type { ColumnType } from '../../db/row-types.js';
/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  status: 'active' | 'disabled';
  /** The region that owns the account; who may manage it is decided by scope over this code. */
  region_code: string;
  district_code: string;
  password_changed_at: string;
  /**
   * 1 while the password was last set by someone else (an administrator, the first start) and its
   * owner has not yet changed it: until then the account may only read who it is, change the
   * password or sign out. Defaults to 0.
   */
  password_change_required: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  region_code: string;
  district_code: string;
  created_at: string;
}

/** The tables of this module, by name. */
export interface UsersTables {
  users: UserTable;
  role_assignments: RoleAssignmentTable;
}
