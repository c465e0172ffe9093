import { v7 as uuidv7 } from 'uuid';
import { districtOf } from '../../../shared/region-code.js';
import type { RoleName } from '../../auth/permissions.js';
import { Scope } from '../../auth/scope.js';
import { SYSTEM_ACTOR } from '../../bootstrap.js';
import type { Member, MemberStatus, Organization, OrganizationKind } from '../../db/tables.js';
import { residentRows, writeResidentXlsx } from '../../fixtures/resident-rows.js';
import type { TestEnv } from '../../testing/test-env.js';
import { RegionsService } from '../regions/index.js';
import { importResidents } from '../register/index.js';
import { UsersService } from '../users/index.js';
import { memberWorkflowRoutes } from './member-workflows.routes.js';

/**
 * Fixtures for the member-workflow tests: organizations and members written straight into the
 * tables (the organizations module owns their real write paths), persons through the importer.
 */

/** Registers the workflow routes on the test app unless app.ts already does. Call before any request. */
export async function withWorkflowRoutes(env: TestEnv): Promise<void> {
  if (env.app.hasRoute({ method: 'POST', url: '/api/me/registration' })) return;
  await env.app.register(memberWorkflowRoutes, { ctx: env.ctx });
}

let seed = 1000;

/** Imports `count` residents into a new grid (with one building) of a community; returns their ids. */
export async function createResidents(
  env: TestEnv,
  communityCode: string,
  count: number,
): Promise<{ gridCode: string; people: { id: string; name: string; regionCode: string }[] }> {
  seed += 1;
  const gridCode = await createRegionAnywhere(env, communityCode, 'grid', `网格${seed}`);
  await createRegionAnywhere(env, gridCode, 'building', '1号楼');
  const file = env.file(`residents-${seed}.xlsx`);
  await writeResidentXlsx(file, residentRows({ count, gridCode, buildings: ['1号楼'], seed }));
  const outcome = await importResidents(env.ctx, file, 'xlsx', {
    scope: new Scope([districtOf(communityCode)], env.dialect),
    actor: SYSTEM_ACTOR,
    skipInvalid: false,
  });
  if (outcome.created !== count) throw new Error(`imported ${outcome.created} of ${count} residents`);
  const people = await env.database.db
    .selectFrom('persons')
    .select(['id', 'name', 'region_code as regionCode'])
    .where('region_code', 'like', `${gridCode}%`)
    .orderBy('id')
    .execute();
  return { gridCode, people };
}

/** env.createRegion works inside 平房区 only; this works in any imported county. */
async function createRegionAnywhere(
  env: TestEnv,
  parentCode: string,
  kind: 'grid' | 'building',
  name: string,
): Promise<string> {
  const created = await new RegionsService(env.ctx).createChild(
    new Scope([districtOf(parentCode)], env.dialect),
    parentCode,
    { kind, name },
    SYSTEM_ACTOR,
  );
  return created.code;
}

export async function createOrganization(
  env: TestEnv,
  options: { regionCode: string; name: string; kind?: OrganizationKind },
): Promise<Organization> {
  const id = uuidv7();
  const now = env.now().toISOString();
  const row: Organization = {
    id,
    district_code: districtOf(options.regionCode),
    region_code: options.regionCode,
    parent_id: null,
    path: `/${id}/`,
    kind: options.kind ?? 'branch',
    name: options.name,
    leader_member_id: null,
    anchor_region_code: options.regionCode,
    anchor_enterprise_id: null,
    status: 'active',
    created_at: now,
    updated_at: now,
  };
  await env.database.db.insertInto('organizations').values(row).execute();
  return row;
}

export async function createMember(
  env: TestEnv,
  options: { organization: Organization; personId: string; userId?: string; status?: MemberStatus },
): Promise<Member> {
  const now = env.now().toISOString();
  const member: Member = {
    id: uuidv7(),
    district_code: options.organization.district_code,
    region_code: options.organization.region_code,
    person_id: options.personId,
    organization_id: options.organization.id,
    user_id: options.userId ?? null,
    category: 'formal',
    status: options.status ?? 'in_service',
    joined_on: '2010-07-01',
    post: '',
    created_at: now,
    updated_at: now,
  };
  await env.database.db.transaction().execute(async (trx) => {
    await trx.insertInto('members').values(member).execute();
    await trx
      .insertInto('member_history')
      .values({
        id: uuidv7(),
        district_code: member.district_code,
        member_id: member.id,
        organization_id: options.organization.id,
        from_at: now,
        to_at: null,
        reason: 'joined',
      })
      .execute();
  });
  return member;
}

/** A signed-in account with one role in any region of the deployment (env.loginAs covers 平房区 only). */
export async function loginIn(
  env: TestEnv,
  options: { role: RoleName; regionCode: string },
): Promise<{ cookie: string; id: string }> {
  const scope = new Scope([districtOf(options.regionCode)], env.dialect);
  const users = new UsersService(env.ctx);
  seed += 1;
  const username = `wf${seed}_${Math.random().toString(36).slice(2, 7)}`;
  const password = `Pass-word-${seed}x`;
  const created = await users.create(
    scope,
    { username, password, displayName: username, regionCode: options.regionCode, mustChangePassword: false },
    SYSTEM_ACTOR,
  );
  await users.assignRole(scope, created.user.id, options, SYSTEM_ACTOR);
  return { cookie: await env.login(username, password), id: created.user.id };
}

/** A member with their own login (role 'member' in their organization's region). */
export async function memberWithLogin(
  env: TestEnv,
  options: { organization: Organization; personId: string; status?: MemberStatus },
): Promise<{ member: Member; cookie: string; userId: string }> {
  const { cookie, id } = await loginIn(env, { role: 'member', regionCode: options.organization.region_code });
  const member = await createMember(env, { ...options, userId: id });
  return { member, cookie, userId: id };
}
