import { v7 as uuidv7 } from 'uuid';
import { COBUILDING_AREAS, type ProjectStatus, type UnitKind } from '../../shared/api/cobuilding.js';
import { articleFigure, articleTarget } from '../../shared/article-figures.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { creditCodeCheckChar } from '../../shared/validators/index.js';
import { pick, seededRandom } from '../fixtures/resident-rows.js';
import { type DemoCobuildingRows, demoCobuildingRepository as repo } from '../modules/cobuilding/index.js';
import { demoJobsRepository } from '../modules/jobs/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

const DAY = 86_400_000;
const PROJECT_WORDS = [
  '数据中心',
  '智能制造',
  '汽车零部件',
  '物流园',
  '食品产业园',
  '航空配套',
  '生物医药',
  '新材料',
];
const FIRMS = '国裕乐辰凯斯亚马东方哈南平房兴达鑫盛宏远';
const STATUSES: readonly [ProjectStatus, number][] = [
  ['producing', 0.55],
  ['building', 0.25],
  ['signed', 0.12],
  ['suspended', 0.06],
  ['terminated', 0.02],
];
const UNITS: readonly [UnitKind, string][] = [
  ['enterprise', '有限公司'],
  ['agency', '管理局'],
  ['school', '学校'],
  ['hospital', '医院'],
  ['enterprise', '集团'],
  ['other', '研究所'],
];

/** What the demo aims at for one of the co-building figures, for `persons` residents. */
const target = (indicator: Parameters<typeof articleFigure>[0], persons: number) =>
  articleTarget(articleFigure(indicator), persons);

/**
 * 大项目 and 区厂共建 in the demo, sized from the article's figures scaled to the district's residents
 * ("320个产业大项目", "建立党组织28个，涵盖企业181个", "130多个驻区单位", "抽调200余名党员干部…建立了18个
 * 党组织，组建了10余支共产党员先锋队"): projects at the streets, each with its enterprise (new ones made
 * where the district has too few) and some with a second; project organizations (联合党支部) under
 * the street committees covering the first enterprises; co-building units with linked members,
 * activities in the eight areas and venues with a few bookings; the land-acquisition command with
 * its temporary organizations and vanguard teams, members seconded to them and their results.
 */
export async function buildDemoCobuilding(
  ctx: ServiceContext,
  district: string,
  /** The population to size for, when not the district's own (a test of the district scale's figures). */
  options: { persons?: number } = {},
): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 53);
  const persons = options.persons ?? (await demoRepository.districtPersons(db, district));
  const streets = await repo.streets(db, district);
  const communities = await repo.communities(db, district);
  if (persons === 0 || streets.length === 0 || communities.length === 0) return;
  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const dayAgo = (days: number) => beijingDate(now - days * DAY);
  const rows: DemoCobuildingRows = {
    organizations: [],
    organizationHistory: [],
    projects: [],
    project_enterprises: [],
    project_organizations: [],
    cobuilding_units: [],
    cobuilding_unit_members: [],
    cobuilding_activities: [],
    cobuilding_venues: [],
    venue_bookings: [],
    task_forces: [],
    task_force_secondments: [],
    task_force_results: [],
  };

  // Projects, each with one enterprise of its own and every seventh with a second.
  const projectCount = target('big_projects', persons);
  const links = projectCount + Math.floor(projectCount / 7);
  const existing = await repo.enterprises(db, district);
  const added: Parameters<typeof demoJobsRepository.insertEnterprises>[1] = [];
  for (let i = existing.length; i < links; i++) {
    const first17 = `91${district}XM${String(i).padStart(4, '0')}${String(Math.floor(random() * 1e3)).padStart(3, '0')}`;
    const community = communities[i % communities.length]!;
    added.push({
      id: uuidv7(),
      district_code: district,
      region_code: community.code,
      name: `哈尔滨${pick<string>(random, FIRMS)}${pick<string>(random, FIRMS)}${pick(random, PROJECT_WORDS)}有限公司${i}`,
      credit_code: first17 + creditCodeCheckChar(first17),
      address: '',
      created_at: at,
      updated_at: at,
    });
  }
  const enterprises = [...existing, ...added];
  const projects = Array.from({ length: projectCount }, (_, i) => {
    const street = streets[i % streets.length]!;
    const roll = random();
    let sum = 0;
    const status =
      STATUSES.find(([, share]) => {
        sum += share;
        return roll < sum;
      })?.[0] ?? 'producing';
    const row = {
      id: uuidv7(),
      district_code: district,
      region_code: street.code,
      name: `${pick(random, PROJECT_WORDS)}项目${i + 1}号`,
      site: `${street.name}哈南工业新城${(i % 40) + 1}号地块`,
      started_on: dayAgo(30 + Math.floor(random() * 2_000)),
      status,
      note: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    };
    rows.projects.push(row);
    return row;
  });
  for (let i = 0; i < links; i++) {
    const project = projects[i < projectCount ? i : (i - projectCount) * 7]!;
    rows.project_enterprises.push({
      project_id: project.id,
      enterprise_id: enterprises[i]!.id,
      district_code: district,
      region_code: project.region_code,
      covering_organization_id: null,
      follow_up_order_id: null,
      follow_up_order_number: null,
      created_at: at,
    });
  }

  // Organizations in projects under the street committees, covering the first enterprises in blocks.
  const committees = new Map((await repo.streetCommittees(db, district)).map((c) => [c.region_code, c]));
  const organizationCount = target('project_organizations', persons);
  const covered = Math.min(target('project_covered_enterprises', persons), rows.project_enterprises.length);
  for (let k = 0; k < organizationCount; k++) {
    const block = rows.project_enterprises.slice(
      Math.floor((k * covered) / organizationCount),
      Math.floor(((k + 1) * covered) / organizationCount),
    );
    const first = projects.find((p) => p.id === block[0]?.project_id) ?? projects[k % projects.length]!;
    const parent = committees.get(first.region_code);
    const id = uuidv7();
    const name = `${first.name}联合党支部`;
    rows.organizations.push({
      id,
      district_code: district,
      region_code: first.region_code,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      kind: 'branch',
      name,
      leader_member_id: null,
      anchor_region_code: first.region_code,
      anchor_enterprise_id: null,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    rows.organizationHistory.push({
      id: uuidv7(),
      district_code: district,
      organization_id: id,
      change: 'created',
      before: '{}',
      after: JSON.stringify({
        kind: 'branch',
        name,
        parentId: parent?.id ?? null,
        regionCode: first.region_code,
      }),
      actor_id: null,
      at,
    });
    const projectIds = new Set([first.id, ...block.map((link) => link.project_id)]);
    for (const projectId of projectIds)
      rows.project_organizations.push({
        project_id: projectId,
        organization_id: id,
        district_code: district,
        region_code: projects.find((p) => p.id === projectId)!.region_code,
        created_at: at,
      });
    for (const link of block) link.covering_organization_id = id;
  }

  buildUnitsAndForces(rows, {
    district,
    random,
    at,
    now,
    communities,
    streets,
    persons,
    members: await repo.members(db, district, 2_000),
  });
  await db.transaction().execute(async (trx) => {
    await demoJobsRepository.insertEnterprises(trx, added);
    await repo.insert(trx, rows);
  });
}

interface UnitWorld {
  district: string;
  random: () => number;
  at: string;
  now: number;
  communities: { code: string; name: string }[];
  streets: { code: string; name: string }[];
  persons: number;
  members: { id: string; organization_id: string; region_code: string }[];
}

/** Co-building units with members, activities, venues and bookings; the task forces. */
function buildUnitsAndForces(rows: DemoCobuildingRows, w: UnitWorld): void {
  const { district, random, at, now, communities, members } = w;
  const dayAgo = (days: number) => beijingDate(now - days * DAY);
  const unitCount = Math.max(1, Math.round(target('cobuilding_units', w.persons) * 1.02));
  for (let i = 0; i < unitCount; i++) {
    const community = communities[i % communities.length]!;
    const [kind, suffix] = UNITS[i % UNITS.length]!;
    const id = uuidv7();
    rows.cobuilding_units.push({
      id,
      district_code: district,
      region_code: community.code,
      name: `哈尔滨${pick<string>(random, FIRMS)}${pick<string>(random, FIRMS)}${suffix}${i + 1}`,
      kind,
      address: `${community.name}附近`,
      contact: '',
      reported_members: 5 + Math.floor(random() * 60),
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    for (const member of [members[i * 2], members[i * 2 + 1]])
      if (member)
        rows.cobuilding_unit_members.push({
          unit_id: id,
          member_id: member.id,
          district_code: district,
          region_code: community.code,
          created_at: at,
        });
    for (let a = 0; a < 2 + (i % 3); a++)
      rows.cobuilding_activities.push({
        id: uuidv7(),
        district_code: district,
        region_code: community.code,
        unit_id: id,
        area: COBUILDING_AREAS[(i + a) % COBUILDING_AREAS.length]!,
        title: `区厂共建：${COBUILDING_AREAS[(i + a) % COBUILDING_AREAS.length]}`,
        held_on: dayAgo(7 + Math.floor(random() * 700)),
        participants: 10 + Math.floor(random() * 80),
        volunteer_activity_id: null,
        note: '',
        created_by: null,
        created_at: at,
      });
    if (i % 3 !== 0) continue;
    const venueId = uuidv7();
    rows.cobuilding_venues.push({
      id: venueId,
      district_code: district,
      region_code: community.code,
      unit_id: id,
      name: ['职工活动中心', '会议室', '篮球馆', '图书室'][i % 4]!,
      address: '',
      capacity: 30 + (i % 5) * 20,
      opens_at: '08:30',
      closes_at: '20:00',
      created_at: at,
      updated_at: at,
    });
    // Two bookings of the coming days, 14:00–16:00 Beijing time, never overlapping.
    for (const ahead of [2, 9]) {
      const date = beijingDate(now + ahead * DAY);
      rows.venue_bookings.push({
        id: uuidv7(),
        district_code: district,
        region_code: community.code,
        venue_id: venueId,
        starts_at: new Date(`${date}T14:00:00+08:00`).toISOString(),
        ends_at: new Date(`${date}T16:00:00+08:00`).toISOString(),
        purpose: ahead === 2 ? '社区党员学习' : '居民文艺排练',
        attendees: 20,
        status: 'booked',
        booked_by: null,
        booked_by_name: null,
        cancel_reason: null,
        created_at: at,
        updated_at: at,
      });
    }
  }

  // The land-acquisition command, its temporary organizations and vanguard teams, cadres seconded.
  const command = w.streets[0]!;
  const forces: { id: string; region: string }[] = [];
  const force = (kind: 'command' | 'temporary_org' | 'vanguard_team', name: string, region: string) => {
    const id = uuidv7();
    rows.task_forces.push({
      id,
      district_code: district,
      region_code: region,
      name,
      kind,
      purpose: '征地拆迁、棚户区改造攻坚，保障重点项目按时入驻',
      starts_on: dayAgo(1_000),
      ends_on: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    forces.push({ id, region });
  };
  force('command', '哈南核心区城乡一体化指挥部', command.code);
  const temporary = target('task_force_organizations', w.persons);
  for (let i = 0; i < temporary; i++) {
    const street = w.streets[i % w.streets.length]!;
    force('temporary_org', `${street.name}征收工作临时党支部${i + 1}`, street.code);
  }
  const teams = Math.max(1, Math.round(target('vanguard_teams', w.persons) * 1.04));
  for (let i = 0; i < teams; i++) {
    const street = w.streets[i % w.streets.length]!;
    force('vanguard_team', `共产党员先锋队${i + 1}队`, street.code);
  }
  const cadres = Math.min(target('task_force_cadres', w.persons), members.length);
  for (let i = 0; i < cadres; i++) {
    const member = members[members.length - 1 - i]!;
    const into = forces[i % forces.length]!;
    rows.task_force_secondments.push({
      id: uuidv7(),
      district_code: district,
      region_code: into.region,
      task_force_id: into.id,
      member_id: member.id,
      home_organization_id: member.organization_id,
      role: i % forces.length === 0 ? '指挥部成员' : '队员',
      from_on: dayAgo(1_000 - (i % 60)),
      to_on: null,
      created_at: at,
    });
  }
  for (const [i, into] of forces.entries())
    rows.task_force_results.push({
      id: uuidv7(),
      district_code: district,
      region_code: into.region,
      task_force_id: into.id,
      on_day: dayAgo(30 + i),
      text: '完成入户调查和签约，化解征收疑难问题',
      figures: JSON.stringify([{ label: '签约户数', value: 20 + (i % 30), unit: '户' }]),
      created_by: null,
      created_at: at,
    });
}
