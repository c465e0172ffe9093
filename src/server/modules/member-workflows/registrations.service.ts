import { v7 as uuidv7 } from 'uuid';
import { regionAt } from '../../../shared/region-code.js';
import type { Scope } from '../../auth/scope.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { workflowLookups } from './member-workflows.repository.js';
import type { ServiceArea } from './member-workflows.schema.js';
import {
  type Registration,
  type RegistrationView,
  registrationsRepository,
} from './registrations.repository.js';

export interface CommunitySummary {
  communityCode: string;
  communityName: string;
  confirmed: number;
  pending: number;
  notRegistered: { memberId: string; name: string; organizationName: string }[];
}

/**
 * 双报到: an in-service member registers at the community where they live, choosing service
 * areas and a commitment; that community's secretary confirms or rejects. One row per member:
 * after a rejection the member submits again on the same row.
 */
export class RegistrationsService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The registration of the member linked to this account. */
  async mine(userId: string): Promise<RegistrationView> {
    const { db } = this.ctx.database;
    const member = await workflowLookups.memberOfUser(db, userId);
    if (!member) throw notFound('registration.no_member');
    const own = await registrationsRepository.ofMember(db, member.id);
    const view = own && (await registrationsRepository.viewUnscoped(db, own.id));
    if (!view) throw notFound('registration.not_found');
    return view;
  }

  async register(
    userId: string,
    input: { communityCode: string; serviceAreas: ServiceArea[]; commitment: string },
    actor: AuditActor,
  ): Promise<RegistrationView> {
    const { db } = this.ctx.database;
    try {
      const id = await db.transaction().execute(async (trx) => {
        const member = await workflowLookups.memberOfUser(trx, userId);
        if (!member) throw notFound('registration.no_member');
        if (member.status !== 'in_service') throw conflict('registration.not_in_service');
        const community = await workflowLookups.region(trx, input.communityCode);
        if (!community) {
          throw fieldError('communityCode', 'registration.unknown_community', { code: input.communityCode });
        }
        if (community.kind !== 'community' && community.kind !== 'village') {
          throw fieldError('communityCode', 'registration.not_a_community', { name: community.name });
        }
        const existing = await registrationsRepository.ofMember(trx, member.id);
        if (existing && existing.status !== 'rejected') throw conflict('registration.already_registered');
        const now = this.ctx.now().toISOString();
        const row = {
          district_code: community.district_code,
          region_code: community.code,
          service_areas: JSON.stringify(input.serviceAreas),
          commitment: input.commitment,
          updated_at: now,
        };
        let registrationId: string;
        if (existing) {
          registrationId = existing.id;
          if ((await registrationsRepository.resubmit(trx, existing.id, row)) === 0) {
            throw conflict('registration.already_registered');
          }
        } else {
          registrationId = uuidv7();
          await registrationsRepository.insert(trx, {
            ...row,
            id: registrationId,
            member_id: member.id,
            status: 'pending',
            decided_by: null,
            decided_at: null,
            created_at: now,
          });
        }
        await this.ctx.audit.append(trx, actor, {
          action: 'registration.submitted',
          targetType: 'community_registration',
          targetId: registrationId,
          regionCode: community.code,
          summary: { memberId: member.id, serviceAreas: input.serviceAreas, resubmitted: Boolean(existing) },
        });
        return registrationId;
      });
      return (await registrationsRepository.viewUnscoped(db, id))!;
    } catch (error) {
      // Two submissions racing: the unique member_id lets only one in.
      if (isUniqueViolation(error)) throw conflict('registration.already_registered');
      throw error;
    }
  }

  async decide(
    scope: Scope,
    id: string,
    input: { decision: 'confirm' | 'reject'; note?: string | undefined },
    actor: AuditActor,
  ): Promise<RegistrationView> {
    const { db } = this.ctx.database;
    const status = input.decision === 'confirm' ? 'confirmed' : 'rejected';
    await db.transaction().execute(async (trx) => {
      const registration = await registrationsRepository.viewInScope(trx, scope, id);
      if (!registration) throw notFound('registration.not_found');
      if (registration.status !== 'pending') throw conflict('registration.already_decided');
      const at = this.ctx.now().toISOString();
      if ((await registrationsRepository.decide(trx, id, { status, decidedBy: actor.id, at })) === 0) {
        throw conflict('registration.already_decided');
      }
      await this.ctx.audit.append(trx, actor, {
        action: `registration.${status}`,
        targetType: 'community_registration',
        targetId: id,
        regionCode: registration.region_code,
        summary: { memberId: registration.member_id, note: input.note ?? '' },
      });
    });
    return (await registrationsRepository.viewUnscoped(db, id))!;
  }

  list(
    scope: Scope,
    filter: { region?: string | undefined; status?: Registration['status'] | undefined; limit: number },
  ): Promise<RegistrationView[]> {
    const within = filter.region ? scope.filteredTo(filter.region) : scope;
    return registrationsRepository.list(this.ctx.database.db, within, filter);
  }

  /** Per community in scope: who registered, who is waiting, which in-service residents have not. */
  async summary(scope: Scope, region: string | undefined): Promise<CommunitySummary[]> {
    const { db } = this.ctx.database;
    const within = region ? scope.filteredTo(region) : scope;
    const communities = await registrationsRepository.communities(db, within);
    const byCode = new Map<string, CommunitySummary>(
      communities.map((c) => [
        c.code,
        { communityCode: c.code, communityName: c.name, confirmed: 0, pending: 0, notRegistered: [] },
      ]),
    );
    if (byCode.size === 0) return [];
    for (const count of await registrationsRepository.countsByCommunity(db, within)) {
      const entry = byCode.get(count.region_code);
      if (!entry) continue;
      if (count.status === 'confirmed') entry.confirmed += count.n;
      if (count.status === 'pending') entry.pending += count.n;
    }
    // A resident's region (grid or building) lies below exactly one community: its code's prefix.
    for (const resident of await registrationsRepository.unregisteredResidents(db, within)) {
      const entry = byCode.get(regionAt(resident.region_code, 'community'));
      entry?.notRegistered.push({
        memberId: resident.member_id,
        name: resident.name,
        organizationName: resident.organization_name,
      });
    }
    return [...byCode.values()];
  }
}
