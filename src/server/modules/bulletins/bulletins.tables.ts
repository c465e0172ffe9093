import type { PostKind, PostStatus, QuestionKind } from '../../../shared/api/bulletins.js';

/** Row types of the bulletins' and study tables (migration 0036). Timestamps are ISO strings. */

export interface BulletinPostTable {
  id: string;
  district_code: string;
  region_code: string;
  kind: PostKind;
  title: string;
  body: string;
  status: PostStatus;
  author_id: string;
  author_name: string;
  published_at: string | null;
  withdrawn_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BulletinTargetTable {
  subject_id: string;
  position: number;
  district_code: string;
  target_kind: 'organization' | 'region';
  organization_id: string | null;
  region_code: string | null;
  /** 1: the organization and every organization under it. */
  include_descendants: number;
}

export interface BulletinReceiptTable {
  post_id: string;
  member_id: string;
  district_code: string;
  region_code: string;
  read_at: string;
}

export interface StudyCourseTable {
  id: string;
  district_code: string;
  region_code: string;
  title: string;
  description: string;
  status: PostStatus;
  pass_mark: number;
  max_attempts: number;
  created_by: string;
  created_at: string;
  published_at: string | null;
  withdrawn_at: string | null;
}

export interface StudyCourseItemTable {
  course_id: string;
  position: number;
  post_id: string;
  min_seconds: number;
}

export interface StudyQuestionTable {
  course_id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  options: string;
  correct: string;
}

export interface StudyProgressTable {
  course_id: string;
  post_id: string;
  member_id: string;
  district_code: string;
  opened_at: string;
  done_at: string | null;
}

export interface StudyAttemptTable {
  id: string;
  course_id: string;
  member_id: string;
  district_code: string;
  region_code: string;
  attempt_no: number;
  score: number;
  correct: number;
  questions: number;
  passed: number;
  submitted_at: string;
}

export interface BulletinsTables {
  bulletin_posts: BulletinPostTable;
  bulletin_targets: BulletinTargetTable;
  bulletin_receipts: BulletinReceiptTable;
  study_courses: StudyCourseTable;
  study_course_items: StudyCourseItemTable;
  study_questions: StudyQuestionTable;
  study_progress: StudyProgressTable;
  study_attempts: StudyAttemptTable;
}
