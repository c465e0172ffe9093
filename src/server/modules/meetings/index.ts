/**
 * 三会一课 and the other meetings of an organization (issue 14): meetings, their review by the
 * level above, compliance against each district's rule table, and the tasks that missed meetings
 * and decisions become. What other code (app.ts, the scheduler, the demo) may use of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../services.js';
import { complianceRoutes } from './compliance.routes.js';
import { meetingsRoutes } from './meetings.routes.js';

export { ComplianceService } from './compliance.service.js';
export { meetingPartiesRepository } from './meeting-parties.repository.js';
export { MeetingReviewService } from './meeting-review.service.js';
export { MeetingsService } from './meetings.service.js';
export type { MeetingsTables } from './meetings.tables.js';
export { sweepMissedMeetings } from './missed-meetings-sweep.js';

export const meetingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, options) => {
  await app.register(meetingsRoutes, options);
  await app.register(complianceRoutes, options);
};
export { MEETING_INDICATORS, meetingCounterSources } from './meeting-counters.js';
export { type MemberAttendanceRow, memberAttendanceRepository } from './member-attendance.repository.js';
