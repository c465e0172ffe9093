/*
 * Row types of the training tables (migration 0024), combined into `DB` by src/server/db/tables.ts;
 * db/table-types.test.ts compares them with the migrated schema.
 */

export type CourseKind = 'entrepreneurship' | 'vocational';
export type CourseStatus = 'open' | 'completed' | 'cancelled';
export type EnrollmentStatus = 'enrolled' | 'waitlisted' | 'cancelled' | 'completed' | 'not_completed';
export type AttendanceStatus = 'present' | 'late' | 'excused' | 'absent';
export type FollowUpOutcome = 'employed' | 'business' | 'neither';

export interface TrainingCourseTable {
  id: string;
  district_code: string;
  region_code: string;
  title: string;
  kind: CourseKind;
  description: string;
  place: string;
  skills: string;
  target_groups: string;
  capacity: number;
  has_assessment: number;
  completion_pct: number;
  warning_pct: number;
  status: CourseStatus;
  completed_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingSessionTable {
  id: string;
  district_code: string;
  course_id: string;
  starts_at: string;
  ends_at: string;
  created_at: string;
}

export interface TrainingEnrollmentTable {
  id: string;
  district_code: string;
  region_code: string;
  person_region_code: string;
  course_id: string;
  person_id: string;
  status: EnrollmentStatus;
  placed_at: string | null;
  channel: 'worker' | 'portal';
  assessment: 'passed' | 'failed' | null;
  attendance_warned: number;
  completed_on: string | null;
  certificate_serial: string | null;
  follow_up_due_on: string | null;
  follow_up_outcome: FollowUpOutcome | null;
  follow_up_note: string | null;
  follow_up_on: string | null;
  follow_up_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  enrollment_id: string;
  district_code: string;
  status: AttendanceStatus;
  recorded_via: 'worker' | 'code';
  recorded_by: string | null;
  recorded_at: string;
}

export interface TrainingTables {
  training_courses: TrainingCourseTable;
  training_sessions: TrainingSessionTable;
  training_enrollments: TrainingEnrollmentTable;
  training_attendance: TrainingAttendanceTable;
}
