/*
 * Row types of the job service's tables (migrations 0021 and 0039), combined into `DB` by
 * src/server/db/tables.ts; db/table-types.test.ts compares them with the migrated schema.
 */

import type { Generated } from '../../db/row-types.js';

export type EducationLevel = 'none' | 'primary' | 'junior' | 'senior' | 'college' | 'bachelor' | 'master';
export type JobStatus = 'open' | 'filled' | 'closed';
export type SeekerStatus = 'active' | 'placed' | 'withdrawn';
export type Availability = 'immediate' | 'within_month' | 'part_time';
export type RecommendationStatus =
  | 'recommended'
  | 'interviewing'
  | 'hired'
  | 'declined'
  | 'no_show'
  | 'refused';

export interface EnterpriseContactTable {
  user_id: string;
  enterprise_id: string;
  district_code: string;
  created_at: string;
}

export interface JobTable {
  id: string;
  district_code: string;
  region_code: string;
  enterprise_id: string;
  title: string;
  description: string;
  openings: number;
  filled: number;
  skills: string;
  education: EducationLevel;
  salary_min_fen: number;
  salary_max_fen: number;
  latitude: number | null;
  longitude: number | null;
  valid_until: string;
  public_service: number;
  status: JobStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobSkillTable {
  job_id: string;
  skill: string;
  district_code: string;
}

export interface JobSeekerTable {
  id: string;
  district_code: string;
  region_code: string;
  person_id: string;
  skills: string;
  wanted_jobs: string;
  education: EducationLevel;
  expected_salary_fen: number | null;
  availability: Availability;
  case_worker_id: string | null;
  latitude: number | null;
  longitude: number | null;
  status: SeekerStatus;
  refusals_without_cause: number;
  /** 1: the seeker asked for no text alerts of new jobs (migration 0039). */
  sms_opt_out: Generated<number>;
  registered_on: string;
  created_at: string;
  updated_at: string;
}

export interface JobSeekerSkillTable {
  seeker_id: string;
  skill: string;
  district_code: string;
}

export interface JobRecommendationTable {
  id: string;
  district_code: string;
  region_code: string;
  job_id: string;
  seeker_id: string;
  enterprise_id: string;
  status: RecommendationStatus;
  interview_at: string | null;
  refusal_cause: string | null;
  note: string;
  recommended_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  /** The job fair the recommendation came from, if any (migration 0039). */
  fair_id: string | null;
}

export type FairKind = 'job_fair' | 'market';
export type FairStatus = 'planned' | 'open' | 'closed' | 'cancelled';

export interface JobFairTable {
  id: string;
  district_code: string;
  region_code: string;
  kind: FairKind;
  title: string;
  place: string;
  starts_at: string;
  ends_at: string;
  status: FairStatus;
  seeker_capacity: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobFairEnterpriseTable {
  fair_id: string;
  enterprise_id: string;
  district_code: string;
  registered_by: string | null;
  created_at: string;
}

export interface JobFairJobTable {
  fair_id: string;
  job_id: string;
  enterprise_id: string;
  district_code: string;
}

export interface JobFairSeekerTable {
  fair_id: string;
  seeker_id: string;
  district_code: string;
  registered_by: string | null;
  created_at: string;
}

export interface JobAlertQueueTable {
  job_id: string;
  district_code: string;
  queued_at: string;
  claimed_until: string | null;
}

export interface JobAlertTable {
  job_id: string;
  seeker_id: string;
  district_code: string;
  alerted_on: string;
  score: number;
  created_at: string;
}

/** The tables of this module, by name. */
export interface JobsTables {
  enterprise_contacts: EnterpriseContactTable;
  jobs: JobTable;
  job_skills: JobSkillTable;
  job_seekers: JobSeekerTable;
  job_seeker_skills: JobSeekerSkillTable;
  job_recommendations: JobRecommendationTable;
  job_fairs: JobFairTable;
  job_fair_enterprises: JobFairEnterpriseTable;
  job_fair_jobs: JobFairJobTable;
  job_fair_seekers: JobFairSeekerTable;
  job_alert_queue: JobAlertQueueTable;
  job_alerts: JobAlertTable;
}
