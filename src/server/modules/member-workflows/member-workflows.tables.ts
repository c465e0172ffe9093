import type { Satisfaction } from '../../../shared/work-orders.js';

/*
 * Row types of the tables this module owns, combined into `DB` by src/server/db/tables.ts (conventions
 * there: timestamps are ISO-8601 UTC strings on both dialects). db/table-types.test.ts compares them
 * with the schema the migrations build.
 */

export interface CommunityRegistrationTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  service_areas: string;
  commitment: string;
  status: 'pending' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export type TransferStatus =
  | 'requested'
  | 'sender_approved'
  | 'letter_issued'
  | 'completed'
  | 'rejected'
  | 'expired';

export interface TransferTable {
  id: string;
  district_code: string;
  region_code: string;
  to_region_code: string;
  member_id: string;
  from_organization_id: string;
  to_organization_id: string;
  dues_paid_until: string;
  letter_valid_days: number;
  status: TransferStatus;
  letter_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TransferEventTable {
  id: string;
  district_code: string;
  transfer_id: string;
  action: string;
  actor_id: string | null;
  note: string;
  at: string;
}

export interface CommitmentTable {
  id: string;
  district_code: string;
  region_code: string;
  member_id: string;
  year: number;
  content: string;
  progress: number;
  created_at: string;
  updated_at: string;
}

export interface CommitmentUpdateTable {
  id: string;
  district_code: string;
  commitment_id: string;
  note: string;
  progress: number;
  at: string;
}

export interface CommitmentRatingTable {
  id: string;
  district_code: string;
  commitment_id: string;
  rating: Satisfaction;
  rater_person_id: string | null;
  at: string;
}

export interface CommendationTable {
  id: string;
  district_code: string;
  region_code: string;
  year: number;
  title: string;
  subject_type: 'member' | 'organization';
  subject_id: string;
  note: string;
  created_at: string;
}

/** The tables of this module, by name. */
export interface MemberWorkflowsTables {
  community_registrations: CommunityRegistrationTable;
  transfers: TransferTable;
  transfer_events: TransferEventTable;
  commitments: CommitmentTable;
  commitment_updates: CommitmentUpdateTable;
  commitment_ratings: CommitmentRatingTable;
  commendations: CommendationTable;
}
