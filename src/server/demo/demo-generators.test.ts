import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../shared/validators/index.js';
import { WORK_ORDER_STATUSES } from '../../shared/work-orders.js';
import { FieldCrypto } from '../crypto/field-crypto.js';
import { SEED_CATEGORIES } from '../db/migrations/0004-work-orders.seed.js';
import type { ServiceCategory } from '../db/tables.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import { WorkingCalendar } from '../modules/catalogue/index.js';
import { DemoNames } from './demo-names.js';
import { planOrganizations } from './demo-organizations.js';
import { type DemoBuilding, type DemoPerson, PopulationGenerator } from './demo-population.js';
import { WorkOrderHistory } from './demo-work-orders.js';

const crypto = new FieldCrypto(Buffer.alloc(32, 7));
const today = new Date('2026-11-26T04:00:00Z');
const COMMUNITIES = [
  { code: '230108001002', name: '青年社区', kind: 'community' as const },
  { code: '230108001003', name: '上海新村社区', kind: 'community' as const },
  { code: '230108101201', name: '友联村', kind: 'village' as const },
];
const categories = new Map(
  SEED_CATEGORIES.map((c): [string, ServiceCategory] => [
    c.code,
    {
      code: c.code,
      parent_code: c.parentCode,
      name: c.name,
      name_en: c.nameEn,
      description: c.description,
      handler_kind: c.handlerKind,
      sign_hours: c.signHours,
      resolve_days: c.resolveDays,
      proxy: c.proxy ? 1 : 0,
      attributes: '[]',
      keywords: c.keywords,
      active: 1,
      sort: c.sort,
      created_at: '',
      updated_at: '',
      district_code: null,
    },
  ]),
);

/** The generators without a database: what the demo would write for three communities. */
function generate(seed: number) {
  const random = seededRandom(seed);
  const population = new PopulationGenerator({
    districtCode: '230108',
    districtAddress: '黑龙江省哈尔滨市平房区',
    random,
    names: new DemoNames(seed, random),
    crypto,
    today,
    now: today.toISOString(),
    usedIds: new Set(),
  });
  const people: DemoPerson[] = [];
  const buildings: DemoBuilding[] = [];
  const persons: {
    name: string;
    gender: string;
    birth_date: string;
    id_number_enc: string;
    relation: string;
    household_id: string;
  }[] = [];
  for (const community of COMMUNITIES) {
    const rows = population.community(community, {
      households: 120,
      grids: 2,
      resettlement: community.kind === 'village',
    });
    people.push(...rows.people);
    buildings.push(...rows.buildings);
    persons.push(
      ...rows.persons.map((p) => ({
        name: p.name,
        gender: p.gender,
        birth_date: p.birth_date,
        id_number_enc: p.id_number_enc,
        relation: p.relation,
        household_id: p.household_id ?? '',
      })),
    );
  }
  const organizations = planOrganizations({
    districtCode: '230108',
    districtName: '平房区',
    streets: [
      { code: '230108001', name: '兴建街道' },
      { code: '230108101', name: '平房镇' },
    ],
    communities: COMMUNITIES,
    buildings,
    people,
    targets: {
      corridorBranches: 2,
      warmGroups: 12,
      registeredMembers: 6,
      volunteerTeams: 2,
      healthRecords: 30,
      deeds: 100,
      pioneerPosts: 1,
      excellentMembers: 2,
      advancedCollectives: 1,
    },
    accountCommunity: '230108001002',
    random,
    crypto,
    today,
    now: today.toISOString(),
  });
  const orders = new WorkOrderHistory({
    districtCode: '230108',
    random,
    crypto,
    calendar: new WorkingCalendar(new Map()),
    categories,
    hotlines: [{ id: 'h1', regionCode: '230108001', name: '兴建街道热线' }],
    now: today,
    satisfaction: { satisfied: 0.88, basicallySatisfied: 0.09 },
    numbers: new Map(),
    residentPhones: new Set(),
  }).generate(people, 300);
  return { people, persons, organizations, orders };
}

describe('the demo generators', () => {
  it('build the same district from the same seed, and another from another seed', () => {
    const a = generate(42);
    const b = generate(42);
    const c = generate(43);
    expect(b.people.map((p) => p.name)).toEqual(a.people.map((p) => p.name));
    expect(b.people.map((p) => p.birthDate)).toEqual(a.people.map((p) => p.birthDate));
    expect(b.organizations.members.length).toBe(a.organizations.members.length);
    expect(b.organizations.organizations.map((o) => o.name)).toEqual(
      a.organizations.organizations.map((o) => o.name),
    );
    expect(b.orders.orders.map((o) => [o.status, o.category_code, o.channel])).toEqual(
      a.orders.orders.map((o) => [o.status, o.category_code, o.channel]),
    );
    expect(c.people.slice(0, 20).map((p) => p.name)).not.toEqual(a.people.slice(0, 20).map((p) => p.name));
  });

  it('gives everyone a valid ID number matching their birth date and gender, and a household with one head', () => {
    const { persons, people } = generate(5);
    const ids = new Set<string>();
    for (const person of persons) {
      const id = crypto.decrypt('person.id_number', person.id_number_enc);
      const checked = validateIdNumber(id, today);
      expect(checked.ok, id).toBe(true);
      if (!checked.ok) continue;
      expect(checked.birthDate).toBe(person.birth_date);
      expect(checked.gender).toBe(person.gender);
      ids.add(id);
    }
    expect(ids.size).toBe(persons.length);
    const heads = new Map<string, number>();
    for (const p of persons)
      heads.set(p.household_id, (heads.get(p.household_id) ?? 0) + (p.relation === '户主' ? 1 : 0));
    expect(heads.size).toBe(360);
    for (const n of heads.values()) expect(n).toBe(1);
    expect(people.every((p) => p.name.length >= 2 && p.name.length <= 4)).toBe(true);
    // Children carry their father's surname, whoever heads the household.
    const byHousehold = new Map<string, typeof persons>();
    for (const p of persons) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p]);
    for (const members of byHousehold.values()) {
      const father = members.find(
        (m) => (m.relation === '户主' || m.relation === '配偶') && m.gender === 'male',
      );
      for (const child of members.filter((m) => m.relation === '子' || m.relation === '女'))
        if (father) expect(child.name[0], `${father.name} → ${child.name}`).toBe(father.name[0]);
    }
  });

  it('marks old orders done and keeps the desk busy now: every open step has orders', () => {
    const { orders } = generate(9);
    const statuses = new Set(orders.orders.map((o) => o.status));
    for (const status of WORK_ORDER_STATUSES) expect(statuses.has(status), status).toBe(true);
    const numbers = orders.orders.map((o) => o.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
