import { v7 as uuidv7 } from 'uuid';
import { ARTICLE_FIGURES, type ArticleIndicator, articleTarget } from '../../shared/article-figures.js';
import { SYSTEM_ACTOR } from '../bootstrap.js';
import { BulkInserter } from '../db/bulk-insert.js';
import { withLongTransaction } from '../db/long-transaction.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import { DomainError } from '../http/errors.js';
import { CatalogueCache } from '../modules/catalogue/index.js';
import { divisionTreeOf, importCountyRegions } from '../modules/regions/index.js';
import { rebuildRegionStats } from '../modules/stats/index.js';
import { workOrdersRepository } from '../modules/work-orders/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';
import { createDemoAccounts, type DemoAccount, demoAccountCommunity } from './demo-accounts.js';
import { DEMO_FINISHERS, type DemoFinisher } from './demo-finishers.js';
import { DemoNames } from './demo-names.js';
import { planOrganizations } from './demo-organizations.js';
import {
  type DemoBuilding,
  type DemoCommunity,
  type DemoPerson,
  PopulationGenerator,
} from './demo-population.js';
import { writeDemoVolunteering } from './demo-volunteering.js';
import { type SatisfactionProfile, WorkOrderHistory } from './demo-work-orders.js';

export type { DemoAccount } from './demo-accounts.js';

export const DEMO_SCALES = ['small', 'district', 'city'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

/** Residents per district: `small` for a quick look (and the tests), `district` as in the article. */
const PERSONS: Record<DemoScale, number> = { small: 5_000, district: 200_000, city: 200_000 };
/** `city`: the demo district and seven more urban districts of Harbin (all in the division data). */
export const CITY_DISTRICTS = [
  '230108',
  '230102',
  '230103',
  '230104',
  '230109',
  '230110',
  '230111',
  '230112',
];
/** Work orders per resident over the three years of history (about 80 a day in a district of 200,000). */
const ORDERS_PER_PERSON = 0.45;
const HOUSEHOLD_SIZE = 2.62;
/** The article's co-operative: ¥24,000,000 of rent, 10% kept, ¥3,600 to each of its people. */
const COOPERATIVE_VILLAGERS = 6_000;
const HOUSEHOLDS_PER_GRID = 280;
const HOTLINES = 36;

export interface DemoReport {
  scale: DemoScale;
  districts: string[];
  persons: number;
  households: number;
  organizations: number;
  members: number;
  workOrders: number;
  accounts: DemoAccount[];
  seconds: number;
}

export interface DemoProgress {
  step: string;
  /** 0…1 over the whole build. */
  fraction: number;
}

export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  onProgress?: (progress: DemoProgress) => void;
  /** Run after the data is written (map boundaries, rollups); defaults to DEMO_FINISHERS. */
  finishers?: readonly DemoFinisher[];
}

/**
 * Builds a deterministic, living district (or eight, for `city`) on the real division tree: grids
 * and buildings in every community, households and residents, the organization tree with members,
 * registrations, warm groups, care pairings, volunteer teams and commendations, health records,
 * deeds, 36 hotlines and three years of work orders, sized so that `district` holds the article's
 * figures. Rows are written in bulk (one long transaction per district) with the protections the
 * register applies to every person: encrypted ID and phone numbers, blind indexes, pinyin, the
 * importer's row hash. Then one account per role, and the finishers.
 */
export async function buildDemo(ctx: ServiceContext, options: DemoOptions): Promise<DemoReport> {
  const started = Date.now();
  const { db } = ctx.database;
  if (await demoRepository.holdsRealData(db)) throw new DomainError('demo.not_empty', 409);
  const home = ctx.config.districtCode;
  const districts =
    options.scale === 'city' ? [home, ...CITY_DISTRICTS.filter((c) => c !== home)].slice(0, 8) : [home];
  for (const code of districts)
    if (!(await demoRepository.regionExists(db, code))) await importCountyRegions(ctx, code, SYSTEM_ACTOR);

  const catalogue = await new CatalogueCache(ctx).snapshot();
  const numbers = new Map<string, number>();
  const usedIds = new Set<string>();
  const residentPhones = new Set<string>();
  const report: DemoReport = {
    scale: options.scale,
    districts,
    persons: 0,
    households: 0,
    organizations: 0,
    members: 0,
    workOrders: 0,
    accounts: [],
    seconds: 0,
  };
  const accountCommunity = demoAccountCommunity(home);
  let resident: { personId: string; residentId: string; phone: string } | undefined;
  // Generating is synchronous work: yielding after each report lets a progress bar redraw.
  const progress = async (index: number, share: number, step: string) => {
    options.onProgress?.({ step, fraction: Math.min(1, (index + share) / districts.length) * 0.97 });
    await new Promise((resolve) => setImmediate(resolve));
  };

  for (const [index, district] of districts.entries()) {
    const seed = options.seed * 101 + index;
    const random = seededRandom(seed);
    const names = new DemoNames(seed, random);
    const today = ctx.now();
    const now = today.toISOString();
    const tree = divisionTreeOf(district) ?? [];
    const districtName = tree[0]?.name ?? district;
    const streets = tree.filter((r) => r.kind === 'street' || r.kind === 'town');
    const communities: DemoCommunity[] = tree
      .filter((r) => r.kind === 'community' || r.kind === 'village')
      .map((r) => ({ code: r.code, name: r.name, kind: r.kind === 'village' ? 'village' : 'community' }));
    const regionNames = new Map(tree.map((r) => [r.code, r.name]));
    const persons = PERSONS[options.scale];
    const target = (indicator: ArticleIndicator) =>
      articleTarget(ARTICLE_FIGURES.find((f) => f.indicator === indicator)!, persons);

    await withLongTransaction(ctx.database, async (trx, sqlite) => {
      const writer = new BulkInserter(trx, sqlite);
      await progress(index, 0, '居民');
      const population = new PopulationGenerator({
        districtCode: district,
        districtAddress: `黑龙江省哈尔滨市${districtName}`,
        random,
        names,
        crypto: ctx.crypto,
        today,
        now,
        usedIds,
      });
      // Communities differ in size; villages (resettlement estates here) are smaller.
      const weights = communities.map((c) => (0.6 + random() * 0.8) * (c.kind === 'village' ? 0.7 : 1));
      // But for the article's co-operative village (its rent pays 6,000 people; see
      // demo-collectives.ts), which holds that many at the district's size; the rest share the rest.
      const cooperative = options.scale === 'small' ? -1 : communities.findIndex((c) => c.kind === 'village');
      const cooperativeHouseholds = Math.round(COOPERATIVE_VILLAGERS / HOUSEHOLD_SIZE);
      const weightSum = weights.reduce((a, b, i) => (i === cooperative ? a : a + b), 0);
      const totalHouseholds = persons / HOUSEHOLD_SIZE - (cooperative < 0 ? 0 : cooperativeHouseholds);
      const people: DemoPerson[] = [];
      const buildings: DemoBuilding[] = [];
      let householdCount = 0;
      for (const [c, community] of communities.entries()) {
        const households =
          c === cooperative
            ? cooperativeHouseholds
            : Math.max(4, Math.round((totalHouseholds * weights[c]!) / weightSum));
        const grids =
          options.scale === 'small'
            ? 2
            : Math.max(1, Math.min(12, Math.round(households / HOUSEHOLDS_PER_GRID)));
        const rows = population.community(community, {
          households,
          grids,
          resettlement: community.kind === 'village',
        });
        await writer.insert('regions', rows.regions);
        await writer.insert('households', rows.households);
        await writer.insert('persons', rows.persons);
        await writer.insert('person_tags', rows.tags);
        people.push(...rows.people);
        buildings.push(...rows.buildings);
        householdCount += rows.households.length;
        if (c % 5 === 4) await progress(index, 0.45 * ((c + 1) / communities.length), '居民');
      }

      await progress(index, 0.45, '党组织、党员与温馨小组');
      const organizations = planOrganizations({
        districtCode: district,
        districtName,
        streets: streets.map((s) => ({ code: s.code, name: s.name })),
        communities,
        buildings,
        people,
        targets: {
          corridorBranches: target('corridor_branches'),
          warmGroups: target('warm_groups'),
          registeredMembers: target('registered_members'),
          volunteerTeams: target('volunteer_teams'),
          healthRecords: target('health_records'),
          deeds: target('deeds'),
          pioneerPosts: target('pioneer_posts'),
          excellentMembers: target('excellent_members'),
          advancedCollectives: target('advanced_collectives'),
        },
        accountCommunity,
        random,
        crypto: ctx.crypto,
        today,
        now,
      });
      await writer.insert('organizations', organizations.organizations);
      await writer.insert('organization_history', organizations.history);
      await writer.insert('members', organizations.members);
      await writer.insert('member_history', organizations.memberHistory);
      await writer.insert('community_registrations', organizations.registrations);
      await writer.insert('warm_group_households', organizations.warmGroupHouseholds);
      await writer.insert('care_pairings', organizations.care);
      await writer.insert('commendations', organizations.commendations);
      await writer.insert('health_records', organizations.healthRecords);
      await writer.insert('deeds', organizations.deeds);
      await writeDemoVolunteering(writer, { ...organizations, people, random, today, now });

      await progress(index, 0.55, '热线与工单');
      // 36 hotlines: every street's, then the largest communities'.
      const sizes = new Map<string, number>();
      for (const b of buildings)
        for (const hs of b.units.values())
          sizes.set(b.communityCode, (sizes.get(b.communityCode) ?? 0) + hs.length);
      const lineUnits = [
        ...streets.map((s) => s.code),
        ...communities.map((c) => c.code).sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0)),
      ].slice(0, HOTLINES);
      const hotlines = lineUnits.map((code, n) => ({
        id: uuidv7(),
        regionCode: code,
        name: `${regionNames.get(code) ?? code}24小时党员服务热线`,
        number: `0451-8${district.slice(4)}${String(n + 1).padStart(5, '0')}`,
      }));
      await writer.insert(
        'hotlines',
        hotlines.map((h) => ({
          id: h.id,
          district_code: district,
          region_code: h.regionCode,
          number: h.number,
          name: h.name,
          active: 1,
          created_at: now,
        })),
      );

      if (district === home) {
        const person = people.find(
          (p) =>
            p.communityCode === accountCommunity && p.phone && today.getUTCFullYear() - p.birthYear >= 30,
        );
        if (person?.phone) {
          resident = { personId: person.id, residentId: uuidv7(), phone: person.phone };
          residentPhones.add(person.phone);
        }
        if (resident) {
          await writer.insert('resident_accounts', [
            {
              id: resident.residentId,
              district_code: district,
              phone_enc: ctx.crypto.encrypt('person.phone', resident.phone),
              phone_bidx: ctx.crypto.blindIndex('person.phone', resident.phone),
              person_id: resident.personId,
              created_at: now,
              last_login_at: null,
            },
          ]);
        }
      }
      const history = new WorkOrderHistory({
        districtCode: district,
        random,
        crypto: ctx.crypto,
        calendar: catalogue.calendarOf(district),
        categories: catalogue.categories,
        hotlines,
        now: today,
        satisfaction: satisfactionOf(index, seed),
        numbers,
        residentPhones,
      });
      const orders = history.generate(
        people,
        Math.round(people.length * ORDERS_PER_PERSON),
        district === home ? resident : undefined,
      );
      await progress(index, 0.75, '写入工单');
      await writer.insert('resident_accounts', orders.residents);
      await writer.insert('work_orders', orders.orders);
      await writer.insert('work_order_events', orders.events);
      // The orders carry their own numbers: intake must count on from the highest of each district's day.
      await workOrdersRepository.syncNumbers(trx);

      await ctx.audit.append(trx, SYSTEM_ACTOR, {
        action: 'demo.built',
        targetType: 'region',
        targetId: district,
        regionCode: district,
        summary: {
          scale: options.scale,
          seed: options.seed,
          persons: people.length,
          households: householdCount,
          organizations: organizations.organizations.length,
          members: organizations.members.length,
          workOrders: orders.orders.length,
        },
      });
      report.persons += people.length;
      report.households += householdCount;
      report.organizations += organizations.organizations.length;
      report.members += organizations.members.length;
      report.workOrders += orders.orders.length;
    });
  }

  options.onProgress?.({ step: '覆盖统计与账户', fraction: 0.97 });
  // The finishers' queries and every list afterwards plan on statistics of the rows just written.
  await demoRepository.analyze(db);
  // The coverage counters, recomputed once from the rows just written.
  await rebuildRegionStats(db);
  report.accounts = await createDemoAccounts(ctx, accountCommunity);
  if (resident)
    report.accounts.push({
      username: 'resident',
      password: `phone:${resident.phone}`,
      role: 'resident',
      regionCode: accountCommunity,
    });
  for (const finish of options.finishers ?? DEMO_FINISHERS) await finish(ctx, districts);
  // A finisher may take work orders in too (the loan in arrears asks for a visit): count them all.
  report.workOrders = await demoRepository.count(db, 'work_orders');
  options.onProgress?.({ step: '完成', fraction: 1 });
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

/**
 * Callback satisfaction by district: the demo district is the most satisfied of the city, as the
 * article says it was two years running; the others spread below it.
 */
function satisfactionOf(index: number, seed: number): SatisfactionProfile {
  if (index === 0) return { satisfied: 0.88, basicallySatisfied: 0.09 };
  const spread = seededRandom(seed + 7)();
  return { satisfied: 0.66 + 0.18 * spread * (1 - index / 10), basicallySatisfied: 0.2 };
}
