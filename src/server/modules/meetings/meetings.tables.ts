import type {
  AttendanceMark,
  MeetingFrequency,
  MeetingStatus,
  MeetingTaskSource,
  MeetingTaskStatus,
  MeetingType,
} from '../../../shared/api/meetings.js';

/** Row types of the meetings' tables (migration 0029). Timestamps are ISO strings. */

export interface MeetingTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  type: MeetingType;
  topic: string;
  status: MeetingStatus;
  planned_on: string;
  held_on: string | null;
  duration_minutes: number | null;
  presenter_member_id: string | null;
  recorder_member_id: string | null;
  minutes: string;
  return_reason: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  member_id: string;
  district_code: string;
  member_name: string;
  mark: AttendanceMark;
  absence_reason: string | null;
}

export interface MeetingRuleTable {
  district_code: string;
  meeting_type: MeetingType;
  frequency: MeetingFrequency;
  kinds: string;
  changed_by: string | null;
  changed_at: string;
}

export interface MeetingTaskTable {
  id: string;
  district_code: string;
  region_code: string;
  organization_id: string;
  source: MeetingTaskSource;
  source_key: string;
  meeting_id: string | null;
  meeting_type: MeetingType | null;
  period: string | null;
  title: string;
  owner_member_id: string | null;
  owner_name: string | null;
  due_on: string;
  status: MeetingTaskStatus;
  done_by: string | null;
  done_at: string | null;
  created_at: string;
}

export interface MeetingsTables {
  meetings: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_rules: MeetingRuleTable;
  meeting_tasks: MeetingTaskTable;
}
