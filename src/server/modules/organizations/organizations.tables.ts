import type { OrganizationKind } from '../../../shared/organization-rules.js';

/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface EnterpriseTable {
  id: string;
  district_code: string;
  region_code: string;
  name: string;
  credit_code: string;
  address: string;
  created_at: string;
  updated_at: string;
}

export interface OrganizationTable {
  id: string;
  district_code: string;
  region_code: string;
  parent_id: string | null;
  path: string;
  kind: OrganizationKind;
  name: string;
  leader_member_id: string | null;
  anchor_region_code: string | null;
  anchor_enterprise_id: string | null;
  status: 'active' | 'dissolved';
  created_at: string;
  updated_at: string;
}

export interface OrganizationHistoryTable {
  id: string;
  district_code: string;
  organization_id: string;
  change: 'created' | 'moved' | 'renamed' | 'leader_changed' | 'dissolved';
  before: string;
  after: string;
  actor_id: string | null;
  at: string;
}

export type MemberCategory = 'formal' | 'probationary';

export type MemberStatus = 'in_service' | 'retired' | 'mobile' | 'lost_contact';

export interface MemberTable {
  id: string;
  district_code: string;
  region_code: string;
  person_id: string;
  organization_id: string;
  user_id: string | null;
  category: MemberCategory;
  status: MemberStatus;
  joined_on: string;
  post: string;
  created_at: string;
  updated_at: string;
}

export interface MemberHistoryTable {
  id: string;
  district_code: string;
  member_id: string;
  organization_id: string;
  from_at: string;
  to_at: string | null;
  reason: 'joined' | 'transferred' | 'imported';
}

export interface WarmGroupHouseholdTable {
  household_id: string;
  organization_id: string;
  district_code: string;
  region_code: string;
  created_at: string;
}

export interface CarePairingTable {
  household_id: string;
  member_id: string;
  district_code: string;
  region_code: string;
  source: 'warm_group' | 'assigned';
  created_at: string;
  updated_at: string;
}

/** The tables of this module, by name. */
export interface OrganizationsTables {
  enterprises: EnterpriseTable;
  organizations: OrganizationTable;
  organization_history: OrganizationHistoryTable;
  members: MemberTable;
  member_history: MemberHistoryTable;
  warm_group_households: WarmGroupHouseholdTable;
  care_pairings: CarePairingTable;
}
