import type { MeetingStatus } from '../../../shared/api/meetings';

/** The tag colour of each meeting status (returned in red: it waits for its secretary). */
export const statusColor: Record<MeetingStatus, string | undefined> = {
  draft: undefined,
  submitted: 'blue',
  returned: 'red',
  approved: 'green',
};
