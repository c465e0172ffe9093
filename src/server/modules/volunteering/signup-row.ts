import { v7 as uuidv7 } from 'uuid';
import type { ActivityRow, ShiftRow } from './activities.repository.js';
import type { SignupRow } from './signups.repository.js';
import type { SignupStatus } from './volunteering.tables.js';
import type { VolunteerRow } from './volunteers.repository.js';

/**
 * A new sign-up of a volunteer for a shift: by the volunteer or a leader (not yet arrived), a walk-in
 * checked in at the door, or one written by a leader entering hours after the fact.
 */
export function newSignupRow(
  activity: ActivityRow,
  shift: ShiftRow,
  volunteer: VolunteerRow,
  how: { status: SignupStatus; walkIn: boolean; checkedInAt: string | null; at: string },
): SignupRow {
  return {
    id: uuidv7(),
    district_code: activity.district_code,
    region_code: activity.region_code,
    activity_id: activity.id,
    shift_id: shift.id,
    volunteer_id: volunteer.id,
    status: how.status,
    starts_at: shift.starts_at,
    ends_at: shift.ends_at,
    walk_in: how.walkIn ? 1 : 0,
    checked_in_at: how.checkedInAt,
    checked_out_at: null,
    no_show: 0,
    minutes: null,
    confirmed_at: null,
    confirmed_by: null,
    rating: null,
    remark: '',
    created_at: how.at,
    updated_at: how.at,
  };
}
