import { v7 as uuidv7 } from 'uuid';
import { beijingYear } from '../../../shared/beijing-time.js';
import { districtOf } from '../../../shared/region-code.js';
import type { Principal } from '../../auth/principal.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Satisfaction } from '../../db/tables.js';
import { conflict, DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import {
  type CommitmentUpdate,
  type CommitmentView,
  commitmentsRepository,
} from './commitments.repository.js';
import { type MemberView, workflowLookups } from './member-workflows.repository.js';

/**
 * The member a principal may write about, or nothing: one in their org.write scope (a scoped
 * read), or the member themself (their account is linked through members.user_id).
 */
async function writableMember(
  trx: Executor,
  principal: Principal,
  memberId: string,
): Promise<MemberView | undefined> {
  const inScope = await workflowLookups.memberInScope(trx, principal.scopeFor('org.write'), memberId);
  if (inScope) return inScope;
  const own = await workflowLookups.memberOfUser(trx, principal.userId);
  return own?.id === memberId ? own : undefined;
}

/**
 * 承诺践诺: members make yearly public commitments, report progress, and are rated by the people
 * they serve. Satisfaction = (satisfied + basically satisfied) / all ratings.
 */
export class CommitmentsService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(
    principal: Principal,
    memberId: string,
    input: { year: number; content: string },
  ): Promise<CommitmentView> {
    const { db } = this.ctx.database;
    const current = beijingYear(this.ctx.now());
    const id = await db.transaction().execute(async (trx) => {
      const member = await writableMember(trx, principal, memberId);
      if (!member) throw notFound('commitment.member_not_found');
      // This year's and next year's commitments, and last year's written up late; nothing older.
      if (input.year < current - 1 || input.year > current + 1) {
        throw fieldError('year', 'commitment.year_out_of_range', { min: current - 1, max: current + 1 });
      }
      if (await commitmentsRepository.sameContent(trx, member.id, input.year, input.content)) {
        throw conflict('commitment.duplicate');
      }
      const now = this.ctx.now().toISOString();
      const commitmentId = uuidv7();
      await commitmentsRepository.insert(trx, {
        id: commitmentId,
        district_code: districtOf(member.region_code),
        region_code: member.region_code,
        member_id: member.id,
        year: input.year,
        content: input.content,
        progress: 0,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'commitment.created',
        targetType: 'commitment',
        targetId: commitmentId,
        regionCode: member.region_code,
        summary: { memberId: member.id, year: input.year, self: member.user_id === principal.userId },
      });
      return commitmentId;
    });
    return (await commitmentsRepository.viewUnscoped(db, id))!;
  }

  async progress(
    principal: Principal,
    id: string,
    input: { progress: number; note: string },
  ): Promise<CommitmentView> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      // Unscoped: whether the commitment may be written is decided by its member, just below (404).
      const commitment = await commitmentsRepository.findUnscoped(trx, id);
      const member = commitment && (await writableMember(trx, principal, commitment.member_id));
      if (!commitment || !member) throw notFound('commitment.not_found');
      const at = this.ctx.now().toISOString();
      await commitmentsRepository.setProgress(trx, id, input.progress, at);
      await commitmentsRepository.insertUpdate(trx, {
        id: uuidv7(),
        district_code: commitment.district_code,
        commitment_id: id,
        note: input.note,
        progress: input.progress,
        at,
      });
      await this.ctx.audit.append(trx, principal.actor, {
        action: 'commitment.progressed',
        targetType: 'commitment',
        targetId: id,
        regionCode: commitment.region_code,
        summary: { before: commitment.progress, after: input.progress },
      });
    });
    return (await commitmentsRepository.viewUnscoped(db, id))!;
  }

  /**
   * A rating by someone who may read the commitment's region. A rater linked to a member (later:
   * a resident) has one rating per commitment, which a new one replaces; staff without such a link
   * record ratings collected on paper, one per call.
   */
  async rate(principal: Principal, id: string, rating: Satisfaction): Promise<CommitmentView> {
    const { db } = this.ctx.database;
    const { actor, userId } = principal;
    const scope = principal.scopeFor('org.read');
    await db.transaction().execute(async (trx) => {
      const commitment = await commitmentsRepository.findInScope(trx, scope, id);
      if (!commitment) throw notFound('commitment.not_found');
      const rater = await workflowLookups.memberOfUser(trx, userId);
      if (rater?.id === commitment.member_id) throw new DomainError('commitment.cannot_rate_own', 403);
      const at = this.ctx.now().toISOString();
      const earlier = rater && (await commitmentsRepository.ratingBy(trx, id, rater.person_id));
      if (earlier) await commitmentsRepository.changeRating(trx, earlier.id, rating, at);
      else {
        await commitmentsRepository.insertRating(trx, {
          id: uuidv7(),
          district_code: commitment.district_code,
          commitment_id: id,
          rating,
          rater_person_id: rater?.person_id ?? null,
          at,
        });
      }
      await this.ctx.audit.append(trx, actor, {
        action: 'commitment.rated',
        targetType: 'commitment',
        targetId: id,
        regionCode: commitment.region_code,
        summary: { rating, ...(earlier ? { replaced: earlier.rating } : {}) },
      });
    });
    return (await commitmentsRepository.viewUnscoped(db, id))!;
  }

  async get(scope: Scope, id: string): Promise<{ commitment: CommitmentView; updates: CommitmentUpdate[] }> {
    const { db } = this.ctx.database;
    const found = await commitmentsRepository.findInScope(db, scope, id);
    if (!found) throw notFound('commitment.not_found');
    return {
      commitment: (await commitmentsRepository.viewUnscoped(db, id))!,
      updates: await commitmentsRepository.updates(db, id),
    };
  }

  /** The signed-in member's own commitments, including those made in an earlier organization. */
  async mine(userId: string, year: number | undefined): Promise<CommitmentView[]> {
    const { db } = this.ctx.database;
    const member = await workflowLookups.memberOfUser(db, userId);
    if (!member) throw notFound('commitment.member_not_found');
    return commitmentsRepository.ofMember(db, member.id, year);
  }

  list(
    scope: Scope,
    filter: { region?: string | undefined; year?: number | undefined; limit: number },
  ): Promise<CommitmentView[]> {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return commitmentsRepository.list(this.ctx.database.db, within, filter);
  }
}
