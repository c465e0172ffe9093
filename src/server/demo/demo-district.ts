import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RoleName } from '../auth/permissions.js';
import { Scope } from '../auth/scope.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { generatePassword } from '../credentials-file.js';
import {
  type ResidentCells,
  residentRows,
  seededRandom,
  writeResidentXlsx,
} from '../fixtures/resident-rows.js';
import { DomainError } from '../http/errors.js';
import { CareService } from '../modules/organizations/care.service.js';
import { MembersService } from '../modules/organizations/members.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { RegionsService } from '../modules/regions/regions.service.js';
import { importResidents } from '../modules/register/import/resident-import.js';
import { UsersService } from '../modules/users/users.service.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

export type DemoScale = 'small';

/** Per grid: how many residents; `small` gives about 5,000 people over the district's 55 communities. */
const RESIDENTS_PER_GRID: Record<DemoScale, number> = { small: 45 };
const GRIDS_PER_COMMUNITY = 2;
/** The article counts 4,138 registered members among ~200,000 residents; adults' share ≈ 3%. */
const MEMBER_SHARE = 0.03;

export interface DemoAccount {
  username: string;
  password: string;
  role: RoleName;
  regionCode: string;
}

export interface DemoReport {
  persons: number;
  households: number;
  organizations: number;
  members: number;
  accounts: DemoAccount[];
}

/**
 * Builds a deterministic, living district on the real division tree: grids and buildings in every
 * community, residents (through the real import, so every rule and protection applies), a party
 * committee per community, a corridor branch per building, warm groups per entrance led by
 * members, care pairings, and one demo account per staff role.
 */
export async function buildDemo(
  ctx: ServiceContext,
  options: { scale: DemoScale; seed: number; onStep?: (step: string) => void },
): Promise<DemoReport> {
  const { db } = ctx.database;
  if (await demoRepository.holdsRealData(db)) throw new DomainError('demo.not_empty', 409);
  const district = ctx.config.districtCode;
  const scope = new Scope([district], ctx.database.dialect);
  const regions = new RegionsService(ctx);
  const random = seededRandom(options.seed);

  options.onStep?.('网格与楼栋');
  const communities = await demoRepository.communities(db, district);
  const grids: { code: string; community: string; building: string }[] = [];
  for (const community of communities) {
    for (let g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
      const grid = await regions.createChild(
        scope,
        community.code,
        { kind: 'grid', name: `第${'一二三四'[g - 1]}网格` },
        SYSTEM_ACTOR,
      );
      const building = await regions.createChild(
        scope,
        grid.code,
        { kind: 'building', name: '1号楼' },
        SYSTEM_ACTOR,
      );
      grids.push({ code: grid.code, community: community.code, building: building.code });
    }
  }

  options.onStep?.('居民');
  const seen = new Set<string>();
  const rows: ResidentCells[] = [];
  for (const [index, grid] of grids.entries()) {
    for (const row of residentRows({
      count: RESIDENTS_PER_GRID[options.scale],
      gridCode: grid.code,
      buildings: ['1号楼'],
      seed: options.seed * 1000 + index,
    })) {
      // Separate generators may repeat an ID number now and then: the register refuses twins.
      if (seen.has(row[1]!)) continue;
      seen.add(row[1]!);
      rows.push(row);
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-demo-')), 'residents.xlsx');
  await writeResidentXlsx(file, rows);
  const imported = await importResidents(ctx, file, 'xlsx', {
    scope,
    actor: SYSTEM_ACTOR,
    skipInvalid: true,
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });

  options.onStep?.('党组织、党员与温馨小组');
  const organizations = new OrganizationsService(ctx);
  const members = new MembersService(ctx);
  const care = new CareService(ctx);
  let organizationCount = 0;
  let memberCount = 0;
  for (const community of communities) {
    const committee = await organizations.create(
      scope,
      { kind: 'committee', name: `${community.name}党委`, anchorRegionCode: community.code },
      SYSTEM_ACTOR,
    );
    organizationCount += 1;
    for (const grid of grids.filter((g) => g.community === community.code)) {
      const branch = await organizations.create(
        scope,
        {
          kind: 'corridor_branch',
          name: `${grid.code.slice(-2)}网格1号楼楼道党支部`,
          parentId: committee.id,
          anchorRegionCode: grid.building,
        },
        SYSTEM_ACTOR,
      );
      organizationCount += 1;
      // About 3% of the adults of the building become members of its corridor branch.
      const adults = await demoRepository.adultsAt(db, grid.building, 18, ctx.now());
      const chosen = adults.filter(() => random() < MEMBER_SHARE * 0.7).slice(0, 6);
      if (chosen.length === 0 && adults[0]) chosen.push(adults[0]);
      const memberIds: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (const person of chosen) {
          const status = random() < 0.6 ? 'in_service' : random() < 0.75 ? 'retired' : 'mobile';
          const joinedYear = 1975 + Math.floor(random() * 48);
          memberIds.push(
            await members.createIn(
              trx,
              scope,
              {
                organizationId: branch.id,
                personId: person.id,
                category: random() < 0.95 ? 'formal' : 'probationary',
                status,
                joinedOn: `${joinedYear}-07-01`,
              },
              SYSTEM_ACTOR,
              'joined',
            ),
          );
        }
      });
      memberCount += memberIds.length;
      if (memberIds[0]) await organizations.setLeader(scope, branch.id, memberIds[0], SYSTEM_ACTOR);
      // A warm group per entrance, led by one of the building's members.
      for (const unit of await demoRepository.unitsOf(db, grid.building)) {
        const group = await organizations.create(
          scope,
          {
            kind: 'warm_group',
            name: `${unit}单元温馨小组`,
            parentId: branch.id,
            anchorRegionCode: grid.building,
          },
          SYSTEM_ACTOR,
        );
        organizationCount += 1;
        const leader = memberIds[(Number(unit) - 1) % Math.max(1, memberIds.length)];
        if (leader) await organizations.setLeader(scope, group.id, leader, SYSTEM_ACTOR);
        // Most entrances are covered; a few are left for the coverage page's "uncovered" list.
        if (random() < 0.85)
          await care.addToWarmGroup(scope, group.id, { buildingCode: grid.building, unit }, SYSTEM_ACTOR);
      }
    }
  }

  options.onStep?.('演示账户');
  const accounts = await createDemoAccounts(ctx, scope, grids);
  const households = await demoRepository.count(db, 'households');
  return {
    persons: imported.created,
    households,
    organizations: organizationCount,
    members: memberCount,
    accounts,
  };
}

/** One account per staff role, each scoped where such a person would work. */
async function createDemoAccounts(
  ctx: ServiceContext,
  scope: Scope,
  grids: { code: string; community: string }[],
): Promise<DemoAccount[]> {
  const users = new UsersService(ctx);
  const district = ctx.config.districtCode;
  const qingnian = grids.find((g) => g.community === `${district}001002`) ?? grids[0]!;
  const wanted: { username: string; displayName: string; role: RoleName; regionCode: string }[] = [
    {
      username: 'street_secretary',
      displayName: '兴建街道书记',
      role: 'secretary',
      regionCode: qingnian.community.slice(0, 9),
    },
    {
      username: 'community_secretary',
      displayName: '社区书记',
      role: 'secretary',
      regionCode: qingnian.community,
    },
    { username: 'grid_worker', displayName: '网格员', role: 'grid_worker', regionCode: qingnian.code },
    {
      username: 'hotline_operator',
      displayName: '热线接线员',
      role: 'hotline_operator',
      regionCode: district,
    },
    { username: 'member', displayName: '党员', role: 'member', regionCode: qingnian.community },
    { username: 'auditor', displayName: '审计员', role: 'auditor', regionCode: district },
  ];
  const accounts: DemoAccount[] = [];
  for (const account of wanted) {
    const password = generatePassword();
    const created = await users.create(scope, { ...account, password }, SYSTEM_ACTOR);
    await users.assignRole(
      scope,
      created.user.id,
      { role: account.role, regionCode: account.regionCode },
      SYSTEM_ACTOR,
    );
    accounts.push({
      username: account.username,
      password,
      role: account.role,
      regionCode: account.regionCode,
    });
  }
  // The member account is a real member of 青年社区 (their own page shows their households).
  const member = await demoRepository.firstMemberUnder(ctx.database.db, scope.narrowedTo(qingnian.community));
  const memberAccount = await demoRepository.userId(ctx.database.db, 'member');
  if (member && memberAccount)
    await demoRepository.linkMember(ctx.database.db, member, memberAccount, ctx.now().toISOString());
  return accounts;
}
