import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { ServiceContext } from '../../services.js';
import { ComplianceService } from './compliance.service.js';
import { meetingPartiesRepository } from './meeting-parties.repository.js';

/**
 * The scheduler's job: each district's missed meetings of the last and current quarter become
 * tasks. Runs in one process per tick (the job's lease, modules/cluster), and is idempotent even
 * without that (a task is unique per organization, type and period). Answers the tasks added.
 */
export async function sweepMissedMeetings(ctx: ServiceContext): Promise<number> {
  const compliance = new ComplianceService(ctx);
  let added = 0;
  for (const { district_code } of await meetingPartiesRepository.districts(ctx.database.db))
    added += await compliance.sweepDistrict(district_code, SYSTEM_ACTOR);
  return added;
}
