import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import { validateCreditCode } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Organization, OrganizationKind } from '../../db/tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { regionsRepository } from '../regions/index.js';
import { careRepository } from './care.repository.js';
import { KIND_RULES } from './organization-rules.js';
import { organizationsRepository } from './organizations.repository.js';

export interface OrganizationInput {
  kind: OrganizationKind;
  name: string;
  parentId?: string | null | undefined;
  anchorRegionCode?: string | undefined;
  anchorEnterpriseId?: string | undefined;
}

const duplicateName = (name: string) =>
  new DomainError('organization.duplicate_name', 409, { name }, [
    { path: 'name', code: 'organization.duplicate_name', params: { name } },
  ]);

export class OrganizationsService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(scope: Scope, id: string): Promise<Organization> {
    const organization = await organizationsRepository.findInScope(this.ctx.database.db, scope, id);
    if (!organization) throw notFound('organization.not_found');
    return organization;
  }

  list(
    scope: Scope,
    filter: { kind?: OrganizationKind | undefined; parentId?: string | null | undefined; limit: number },
  ) {
    return organizationsRepository.list(this.ctx.database.db, scope, filter);
  }

  async detail(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const organization = await this.get(scope, id);
    const children = await organizationsRepository.children(db, id);
    const counts = await organizationsRepository.memberCounts(db, [id]);
    const history = await organizationsRepository.history(db, id);
    // The parent's and the leader's names come with the page: a parent above the reader's scope
    // is not secret to someone inside it, and asking for it separately could only answer 404.
    // `visible` says whether the reader may open it (a link), else it is shown as text.
    const parent = organization.parent_id
      ? await organizationsRepository.findUnscoped(db, organization.parent_id)
      : undefined;
    const leader = organization.leader_member_id
      ? await organizationsRepository.memberName(db, organization.leader_member_id)
      : undefined;
    return {
      organization,
      parent: parent
        ? { id: parent.id, name: parent.name, visible: scope.includes(parent.region_code) }
        : null,
      leader: leader
        ? { id: leader.id, name: leader.name, visible: scope.includes(leader.region_code) }
        : null,
      children,
      memberCount: counts.get(id) ?? 0,
      history: history.map((h) => ({ change: h.change, at: h.at, before: h.before, after: h.after })),
    };
  }

  enterprises(scope: Scope, limit: number) {
    return organizationsRepository.listEnterprises(this.ctx.database.db, scope, limit);
  }

  /** Where an organization sits: its parent (checked against the kind rules) and its anchor. */
  private async placement(db: Executor, scope: Scope, input: OrganizationInput, selfId?: string) {
    const rule = KIND_RULES[input.kind];
    const parent = input.parentId
      ? await organizationsRepository.findInScope(db, scope, input.parentId)
      : undefined;
    if (input.parentId && !parent) throw notFound('organization.not_found');
    if (!rule.parents.includes(parent ? parent.kind : null)) {
      const params = { kind: input.kind, parentKind: parent?.kind ?? 'none' };
      throw new DomainError('organization.invalid_parent', 400, params, [
        { path: 'parentId', code: 'organization.invalid_parent', params },
      ]);
    }
    if (parent && selfId && parent.path.includes(`/${selfId}/`))
      throw new DomainError('organization.cycle', 409);
    if (Boolean(input.anchorRegionCode) === Boolean(input.anchorEnterpriseId)) {
      throw fieldError('anchorRegionCode', 'organization.anchor_required');
    }
    if (input.anchorRegionCode) {
      const region = scope.includes(input.anchorRegionCode)
        ? await regionsRepository.findUnscoped(db, input.anchorRegionCode)
        : undefined;
      if (!region) throw notFound('region.not_found', { code: input.anchorRegionCode });
      if (!rule.regionAnchors.includes(region.kind)) {
        const params = { kind: input.kind, anchorKind: region.kind };
        throw new DomainError('organization.invalid_anchor', 400, params, [
          { path: 'anchorRegionCode', code: 'organization.invalid_anchor', params },
        ]);
      }
      return { parent, regionCode: region.code, anchorRegionCode: region.code, anchorEnterpriseId: null };
    }
    const enterprise = await organizationsRepository.findEnterpriseInScope(
      db,
      scope,
      input.anchorEnterpriseId!,
    );
    if (!enterprise) throw notFound('enterprise.not_found');
    if (!rule.enterprise) {
      const params = { kind: input.kind, anchorKind: 'enterprise' };
      throw new DomainError('organization.invalid_anchor', 400, params, [
        { path: 'anchorEnterpriseId', code: 'organization.invalid_anchor', params },
      ]);
    }
    return {
      parent,
      regionCode: enterprise.region_code,
      anchorRegionCode: null,
      anchorEnterpriseId: enterprise.id,
    };
  }

  async create(scope: Scope, input: OrganizationInput, actor: AuditActor): Promise<Organization> {
    const { db } = this.ctx.database;
    const name = input.name.trim();
    const id = uuidv7();
    try {
      await db.transaction().execute(async (trx) => {
        const place = await this.placement(trx, scope, input);
        if (await organizationsRepository.siblingNamed(trx, place.parent?.id ?? null, name))
          throw duplicateName(name);
        const now = this.ctx.now().toISOString();
        await organizationsRepository.insert(trx, {
          id,
          district_code: districtOf(place.regionCode),
          region_code: place.regionCode,
          parent_id: place.parent?.id ?? null,
          path: `${place.parent?.path ?? '/'}${id}/`,
          kind: input.kind,
          name,
          leader_member_id: null,
          anchor_region_code: place.anchorRegionCode,
          anchor_enterprise_id: place.anchorEnterpriseId,
          status: 'active',
          created_at: now,
          updated_at: now,
        });
        await organizationsRepository.addHistory(trx, {
          id: uuidv7(),
          district_code: districtOf(place.regionCode),
          organization_id: id,
          change: 'created',
          before: '{}',
          after: JSON.stringify({
            kind: input.kind,
            name,
            parentId: place.parent?.id ?? null,
            regionCode: place.regionCode,
          }),
          actor_id: actor.id,
          at: now,
        });
        await this.ctx.audit.append(trx, actor, {
          action: 'organization.created',
          targetType: 'organization',
          targetId: id,
          regionCode: place.regionCode,
          summary: { kind: input.kind, name },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateName(name);
      throw error;
    }
    return this.get(scope, id);
  }

  /** Moving keeps the history: the old and new parent and anchor are recorded. */
  async move(scope: Scope, id: string, input: Omit<OrganizationInput, 'kind' | 'name'>, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const current = await organizationsRepository.findInScope(trx, scope, id);
      if (!current) throw notFound('organization.not_found');
      const place = await this.placement(
        trx,
        scope,
        { ...input, kind: current.kind, name: current.name },
        id,
      );
      if (await organizationsRepository.siblingNamed(trx, place.parent?.id ?? null, current.name, id)) {
        throw duplicateName(current.name);
      }
      const now = this.ctx.now().toISOString();
      const newPath = `${place.parent?.path ?? '/'}${id}/`;
      await organizationsRepository.update(trx, id, {
        parent_id: place.parent?.id ?? null,
        region_code: place.regionCode,
        anchor_region_code: place.anchorRegionCode,
        anchor_enterprise_id: place.anchorEnterpriseId,
        updated_at: now,
      });
      await organizationsRepository.repath(trx, current.path, newPath);
      // Its members, and open transfers on either side, follow the organization's region.
      if (place.regionCode !== current.region_code) {
        await organizationsRepository.moveRegionOfMembers(trx, id, place.regionCode, now);
      }
      await organizationsRepository.addHistory(trx, {
        id: uuidv7(),
        district_code: current.district_code,
        organization_id: id,
        change: 'moved',
        before: JSON.stringify({ parentId: current.parent_id, regionCode: current.region_code }),
        after: JSON.stringify({ parentId: place.parent?.id ?? null, regionCode: place.regionCode }),
        actor_id: actor.id,
        at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'organization.moved',
        targetType: 'organization',
        targetId: id,
        regionCode: place.regionCode,
        summary: { from: current.region_code, to: place.regionCode },
      });
    });
    return this.get(scope, id);
  }

  /** A party organization's leader is one of its members; a warm group's, any member in scope. */
  async setLeader(scope: Scope, id: string, memberId: string, actor: AuditActor) {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const organization = await organizationsRepository.findInScope(trx, scope, id);
      if (!organization) throw notFound('organization.not_found');
      const member = await organizationsRepository.findMemberInScope(trx, scope, memberId);
      const ownMember = member?.organization_id === id;
      if (!member || (KIND_RULES[organization.kind].leaderIsOwnMember && !ownMember)) {
        throw fieldError('memberId', 'organization.leader_not_member');
      }
      const now = this.ctx.now().toISOString();
      await organizationsRepository.update(trx, id, { leader_member_id: memberId, updated_at: now });
      // A warm group's households are looked after by its leader unless someone chose otherwise.
      if (organization.kind === 'warm_group') await careRepository.followLeader(trx, id, memberId, now);
      await organizationsRepository.addHistory(trx, {
        id: uuidv7(),
        district_code: organization.district_code,
        organization_id: id,
        change: 'leader_changed',
        before: JSON.stringify({ leaderMemberId: organization.leader_member_id }),
        after: JSON.stringify({ leaderMemberId: memberId }),
        actor_id: actor.id,
        at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'organization.leader_changed',
        targetType: 'organization',
        targetId: id,
        regionCode: organization.region_code,
        summary: { memberId },
      });
    });
    return this.get(scope, id);
  }

  async createEnterprise(
    scope: Scope,
    input: { name: string; creditCode: string; address?: string | undefined; regionCode: string },
    actor: AuditActor,
  ) {
    const checked = validateCreditCode(input.creditCode);
    if (!checked.ok) throw fieldError('creditCode', `credit_code.${checked.reason}`);
    const { db } = this.ctx.database;
    const id = uuidv7();
    try {
      await db.transaction().execute(async (trx) => {
        const region = scope.includes(input.regionCode)
          ? await regionsRepository.findUnscoped(trx, input.regionCode)
          : undefined;
        if (!region) throw notFound('region.not_found', { code: input.regionCode });
        if (await organizationsRepository.enterpriseByCreditCode(trx, checked.value)) {
          throw new DomainError('enterprise.duplicate_credit_code', 409, { code: checked.value }, [
            { path: 'creditCode', code: 'enterprise.duplicate_credit_code', params: { code: checked.value } },
          ]);
        }
        const now = this.ctx.now().toISOString();
        await organizationsRepository.insertEnterprise(trx, {
          id,
          district_code: region.district_code,
          region_code: region.code,
          name: input.name.trim(),
          credit_code: checked.value,
          address: input.address?.trim() ?? '',
          created_at: now,
          updated_at: now,
        });
        await this.ctx.audit.append(trx, actor, {
          action: 'enterprise.created',
          targetType: 'enterprise',
          targetId: id,
          regionCode: region.code,
          summary: { name: input.name.trim(), creditCode: checked.value },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('enterprise.duplicate_credit_code', 409, { code: checked.value });
      }
      throw error;
    }
    const enterprise = await organizationsRepository.findEnterpriseInScope(db, scope, id);
    return enterprise!;
  }
}
