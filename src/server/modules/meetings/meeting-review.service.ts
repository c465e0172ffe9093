import { parentOf } from '../../../shared/region-code.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import { conflict, DomainError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { meetingPartiesRepository as parties } from './meeting-parties.repository.js';
import { type MeetingRow, meetingsRepository } from './meetings.repository.js';

/** Who reviews: the scope of meeting.review, the account and the audit actor. */
export interface Reviewer {
  scope: Scope;
  userId: string | null;
  actor: AuditActor;
}

/**
 * The review of a submitted meeting by the level above its organization: approved, or returned
 * with a reason for the secretary to correct and submit again. The level above is the parent
 * organization's region (or, for an organization without a parent, the region above its own); the
 * reviewer's meeting.review scope must include it, so a community's secretary reviews the branches
 * under the community's committee but not the committee's own meetings. Nobody reviews a meeting
 * they submitted or one of an organization they lead.
 */
export class MeetingReviewService {
  constructor(private readonly ctx: ServiceContext) {}

  private async reviewable(trx: Executor, principal: Reviewer, id: string): Promise<MeetingRow> {
    const meeting = await meetingsRepository.findInScope(trx, principal.scope, id);
    if (!meeting) throw notFound('meeting.not_found');
    const org = await parties.organizationInScope(trx, principal.scope, meeting.organization_id);
    const parent = org?.parent_id ? await parties.parentUnscoped(trx, org.parent_id) : undefined;
    const above = parent?.region_code ?? parentOf(meeting.region_code) ?? meeting.district_code;
    if (!principal.scope.includes(above)) throw new DomainError('meeting.review_level_above', 403);
    const leader = org?.leader_member_id
      ? await parties.memberUnscoped(trx, org.leader_member_id)
      : undefined;
    const own = meeting.submitted_by === principal.userId || leader?.user_id === principal.userId;
    if (principal.userId !== null && own) throw new DomainError('meeting.review_own', 403);
    if (meeting.status !== 'submitted') throw conflict('meeting.not_submitted');
    return meeting;
  }

  /** `reviewer` is the request's principal, or the demo's reviewer (its district scope and account). */
  async approve(reviewer: Principal | Reviewer, id: string): Promise<void> {
    await this.decide(reviewer, id, 'approved', null);
  }

  async return(reviewer: Principal | Reviewer, id: string, reason: string): Promise<void> {
    await this.decide(reviewer, id, 'returned', reason);
  }

  private async decide(
    principal: Reviewer,
    id: string,
    status: 'approved' | 'returned',
    reason: string | null,
  ): Promise<void> {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const meeting = await this.reviewable(trx, principal, id);
      const now = this.ctx.now().toISOString();
      const moved = await meetingsRepository.updateFrom(trx, id, ['submitted'], {
        status,
        return_reason: reason,
        reviewed_by: principal.userId,
        reviewed_by_name: principal.actor.name,
        reviewed_at: now,
        updated_at: now,
      });
      if (!moved) throw conflict('meeting.not_submitted');
      await this.ctx.audit.append(trx, principal.actor, {
        action: status === 'approved' ? 'meeting.approved' : 'meeting.returned',
        targetType: 'meeting',
        targetId: id,
        regionCode: meeting.region_code,
        summary: reason ? { type: meeting.type, reason } : { type: meeting.type },
      });
    });
  }
}
