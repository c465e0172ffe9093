import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { excellentCap, type memberEvaluationBody } from '../../../shared/api/reviews.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { organizationsRepository } from '../organizations/index.js';
import { memberEvaluationsRepository as repo } from './member-evaluations.repository.js';

/** Party organizations evaluate their members; warm groups and volunteer teams do not. */
const PARTY_KINDS = new Set(['committee', 'general_branch', 'branch', 'corridor_branch', 'group']);

/** 民主评议党员: one grade per member and year; 优秀 for at most a third of the organization's members. */
export class MemberEvaluationsService {
  constructor(private readonly ctx: ServiceContext) {}

  private async organizationOf(scope: Scope, id: string) {
    const organization = await organizationsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!organization) throw notFound('organization.not_found');
    return organization;
  }

  /** Only a party organization grades; reading another kind's grid shows its (ungraded) members. */
  private async partyOrganizationOf(scope: Scope, id: string) {
    const organization = await this.organizationOf(scope, id);
    if (!PARTY_KINDS.has(organization.kind)) throw conflict('review.not_party_organization');
    return organization;
  }

  async grid(scope: Scope, organizationId: string, year: number) {
    const { db } = this.ctx.database;
    const organization = await this.organizationOf(scope, organizationId);
    const [members, grades, excellent] = await Promise.all([
      organizationsRepository.membersOf(db, organizationId),
      repo.ofOrganization(db, organizationId, year),
      repo.tally(db, organizationId, year),
    ]);
    const gradeOf = new Map(grades.map((g) => [g.member_id, g.grade]));
    return {
      organizationId,
      organizationName: organization.name,
      year,
      members: members.length,
      excellentCap: excellentCap(members.length),
      excellent,
      rows: members.map((m) => ({
        memberId: m.id,
        name: m.person_status === 'anonymized' ? '' : m.person_name,
        grade: gradeOf.get(m.id) ?? null,
      })),
    };
  }

  /**
   * Grades a member. The cap is checked under the organization's tally row (holdTally), so two
   * 优秀 given at once cannot both pass when one place is left.
   */
  async grade(
    scope: Scope,
    organizationId: string,
    input: z.output<typeof memberEvaluationBody>,
    actor: AuditActor,
  ): Promise<void> {
    const organization = await this.partyOrganizationOf(scope, organizationId);
    const { db } = this.ctx.database;
    const member = await organizationsRepository.findMemberInScope(db, scope, input.memberId);
    if (!member || member.organization_id !== organizationId)
      throw fieldError('memberId', 'review.not_member_of_organization');
    await db.transaction().execute(async (trx) => {
      const excellent = await repo.holdTally(trx, organizationId, input.year, organization.district_code);
      const before = await repo.ofMember(trx, input.memberId, input.year);
      const wasExcellent = before?.grade === 'excellent' && before.organization_id === organizationId;
      let tally = excellent;
      if (input.grade === 'excellent' && !wasExcellent) {
        const members =
          (await organizationsRepository.memberCounts(trx, [organizationId])).get(organizationId) ?? 0;
        const cap = excellentCap(members);
        if (excellent + 1 > cap) throw fieldError('grade', 'review.excellent_cap', { cap });
        tally += 1;
      } else if (input.grade !== 'excellent' && wasExcellent) tally -= 1;
      if (tally !== excellent) await repo.setTally(trx, organizationId, input.year, tally);
      await repo.upsert(trx, {
        id: before?.id ?? uuidv7(),
        district_code: organization.district_code,
        region_code: organization.region_code,
        organization_id: organizationId,
        member_id: input.memberId,
        year: input.year,
        grade: input.grade,
        evaluated_by: actor.id,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'review.member_graded',
        targetType: 'member',
        targetId: input.memberId,
        regionCode: organization.region_code,
        summary: { year: input.year, grade: input.grade, before: before?.grade ?? null },
      });
    });
  }
}
