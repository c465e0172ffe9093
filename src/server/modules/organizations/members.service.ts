import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import { maskIdNumber, validateIdNumber, validateMobilePhone } from '../../../shared/validators/index.js';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { Member, MemberCategory, MemberStatus } from '../../db/tables.js';
import { DomainError, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import {
  namePinyin,
  personWritesRepository,
  protectPhone,
  recordLookup,
  registerRepository,
  rowHash,
} from '../register/index.js';
import { usersRepository } from '../users/index.js';
import { careRepository } from './care.repository.js';
import { organizationsRepository } from './organizations.repository.js';

export interface MemberInput {
  organizationId: string;
  /** A person of the register… */
  personId?: string | undefined;
  /** …or a member living outside the district: a minimal person record is kept for them. */
  person?: { name: string; idNumber: string; phone?: string | undefined } | undefined;
  category: MemberCategory;
  status: MemberStatus;
  joinedOn: string;
  post?: string | undefined;
}

export class MembersService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The person behind a new member: from the register in scope, or a minimal non-resident record. */
  private async personFor(
    trx: Executor,
    scope: Scope,
    input: MemberInput,
    regionCode: string,
  ): Promise<string> {
    if (input.personId) {
      const person = await registerRepository.findPerson(trx, scope, input.personId);
      if (!person) throw notFound('person.not_found');
      return person.id;
    }
    if (!input.person) throw fieldError('personId', 'field.required');
    const checked = validateIdNumber(input.person.idNumber);
    if (!checked.ok) throw fieldError('person.idNumber', 'field.id_number');
    let phone: string | null = null;
    if (input.person.phone) {
      const checkedPhone = validateMobilePhone(input.person.phone);
      if (!checkedPhone.ok) throw fieldError('person.phone', 'field.phone');
      phone = checkedPhone.value;
    }
    const bidx = this.ctx.crypto.blindIndex('person.id_number', checked.value);
    const existing = await registerRepository.findPersonByIdIndex(trx, bidx);
    if (existing) {
      if (!scope.includes(existing.region_code)) throw new DomainError('member.person_elsewhere', 409);
      return existing.id;
    }
    const id = uuidv7();
    const now = this.ctx.now().toISOString();
    const pinyin = namePinyin(input.person.name);
    await personWritesRepository.insertMinimal(trx, {
      id,
      district_code: districtOf(regionCode),
      region_code: regionCode,
      household_id: null,
      name: input.person.name.trim(),
      name_pinyin: pinyin.full,
      name_initials: pinyin.initials,
      gender: checked.gender,
      birth_date: checked.birthDate,
      ethnicity: '',
      relation: '其他',
      id_number_enc: this.ctx.crypto.encrypt('person.id_number', checked.value),
      id_number_bidx: bidx,
      ...protectPhone(this.ctx.crypto, phone),
      registered_address: '',
      current_address: '',
      note: '',
      status: 'non_resident',
      row_hash: rowHash(['non_resident', checked.value]),
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  async create(scope: Scope, input: MemberInput, actor: AuditActor): Promise<Member> {
    const { db } = this.ctx.database;
    // Typing a whole ID number answers whether that person is registered somewhere one cannot
    // see (they are refused): a look-up like any other, audited and capped (lookup-guard.ts).
    if (!input.personId && input.person) {
      await recordLookup(this.ctx, actor, {
        kind: 'id_number',
        via: 'member_create',
        regionCode: scope.roots[0] ?? this.ctx.config.districtCode,
      });
    }
    const id = await db.transaction().execute((trx) => this.createIn(trx, scope, input, actor, 'joined'));
    return (await organizationsRepository.findMemberInScope(db, scope, id))!;
  }

  /**
   * Creates a member inside the caller's transaction (an import creates many in one). Every
   * check runs before the first write, so a refused row leaves the transaction usable.
   */
  async createIn(
    trx: Executor,
    scope: Scope,
    input: MemberInput,
    actor: AuditActor,
    reason: 'joined' | 'imported',
  ): Promise<string> {
    const id = uuidv7();
    const organization = await organizationsRepository.findInScope(trx, scope, input.organizationId);
    if (!organization) throw notFound('organization.not_found');
    const personId = await this.personFor(trx, scope, input, organization.region_code);
    const already = await organizationsRepository.memberOfPerson(trx, personId);
    if (already) {
      const current = await organizationsRepository.findUnscoped(trx, already.organization_id);
      throw new DomainError('member.already_member', 409, { organization: current?.name ?? '' });
    }
    const now = this.ctx.now().toISOString();
    await organizationsRepository.insertMember(trx, {
      id,
      district_code: organization.district_code,
      region_code: organization.region_code,
      person_id: personId,
      organization_id: organization.id,
      user_id: null,
      category: input.category,
      status: input.status,
      joined_on: input.joinedOn,
      post: input.post?.trim() ?? '',
      created_at: now,
      updated_at: now,
    });
    await organizationsRepository.startMemberHistory(trx, {
      id: uuidv7(),
      districtCode: organization.district_code,
      memberId: id,
      organizationId: organization.id,
      at: now,
      reason,
    });
    await this.ctx.audit.append(trx, actor, {
      action: reason === 'imported' ? 'member.imported' : 'member.created',
      targetType: 'member',
      targetId: id,
      regionCode: organization.region_code,
      summary: { organizationId: organization.id, category: input.category, status: input.status },
    });
    return id;
  }

  /** Links a member to their login, so they see their own page and act on their own record. */
  async linkUser(scope: Scope, memberId: string, username: string, actor: AuditActor): Promise<void> {
    const { db } = this.ctx.database;
    await db.transaction().execute(async (trx) => {
      const member = await organizationsRepository.findMemberInScope(trx, scope, memberId);
      if (!member) throw notFound('member.not_found');
      const user = await usersRepository.findByUsername(trx, username.trim().toLowerCase());
      if (!user || !scope.includes(user.region_code)) throw fieldError('username', 'user.not_found');
      const linked = await organizationsRepository.memberOfUser(trx, user.id);
      if (linked && linked.id !== memberId) throw fieldError('username', 'member.user_taken');
      await organizationsRepository.updateMember(trx, memberId, {
        user_id: user.id,
        updated_at: this.ctx.now().toISOString(),
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'member.account_linked',
        targetType: 'member',
        targetId: memberId,
        regionCode: member.region_code,
        summary: { username: user.username },
      });
    });
  }

  /** The member behind the signed-in account, if any. */
  async ofUser(userId: string) {
    const member = await organizationsRepository.memberOfUser(this.ctx.database.db, userId);
    if (!member) throw notFound('member.not_found');
    return this.describe(member);
  }

  async listOf(scope: Scope, organizationId: string) {
    const { db } = this.ctx.database;
    const organization = await organizationsRepository.findInScope(db, scope, organizationId);
    if (!organization) throw notFound('organization.not_found');
    const rows = await organizationsRepository.membersOf(db, organizationId);
    return rows.map((row) => ({
      id: row.id,
      name: row.person_name,
      idNumber:
        row.person_status === 'anonymized'
          ? ''
          : maskIdNumber(this.ctx.crypto.decrypt('person.id_number', row.id_number_enc)),
      category: row.category,
      status: row.status,
      joinedOn: row.joined_on,
      post: row.post,
      livesInDistrict: row.person_status !== 'non_resident',
      homeRegionCode: row.home_region_code,
      isLeader: organization.leader_member_id === row.id,
    }));
  }

  async search(scope: Scope, text: string, limit: number) {
    const rows = await organizationsRepository.searchMembers(
      this.ctx.database.db,
      scope,
      text.trim().toLowerCase(),
      limit,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      organizationName: r.organization_name,
      status: r.status,
    }));
  }

  /** A member's page: organization, history, households in their care. */
  async page(scope: Scope, memberId: string) {
    const { db } = this.ctx.database;
    const member = await organizationsRepository.findMemberInScope(db, scope, memberId);
    if (!member) throw notFound('member.not_found');
    return this.describe(member);
  }

  async describe(member: Member) {
    const { db } = this.ctx.database;
    const [person] = await registerRepository.personsByIds(db, [member.person_id]);
    // The member was authorized by the caller; their organization is shown whatever its region.
    const organization = await organizationsRepository.findUnscoped(db, member.organization_id);
    const history = await organizationsRepository.memberHistory(db, member.id);
    const cared = await careRepository.householdsCaredBy(db, member.id);
    return {
      id: member.id,
      name: person?.name ?? '',
      organizationId: member.organization_id,
      organizationName: organization?.name ?? '',
      category: member.category,
      status: member.status,
      joinedOn: member.joined_on,
      post: member.post,
      regionCode: member.region_code,
      history: history.map((h) => ({
        organization: h.organization_name,
        from: h.from_at,
        to: h.to_at,
        reason: h.reason,
      })),
      caredHouseholds: cared.map((h) => ({
        id: h.id,
        regionCode: h.region_code,
        unit: h.unit,
        floor: h.floor,
        room: h.room,
        address: h.address,
      })),
    };
  }
}
