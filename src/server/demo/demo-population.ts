import { v7 as uuidv7 } from 'uuid';
import { idNumberCheckChar } from '../../shared/validators/index.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { mobilePhone, pick } from '../fixtures/resident-rows.js';
import { DEPTH_OF_KIND } from '../modules/regions/index.js';
import { namePinyin, protectPhone, rowHash } from '../modules/register/index.js';
import type { DemoNames } from './demo-names.js';
import {
  ELSEWHERE,
  ETHNICITIES,
  FLOORS_HIGH,
  FLOORS_LOW,
  HARBIN,
  PROVINCE,
  SIZES,
  TAG,
  TAG_NAMES,
} from './demo-population-data.js';
import type { CommunityRows, DemoBuilding, DemoCommunity, DemoHousehold } from './demo-population-types.js';

export type {
  CommunityRows,
  DemoBuilding,
  DemoCommunity,
  DemoHousehold,
  DemoPerson,
} from './demo-population-types.js';

interface Member {
  relation: string;
  gender: 'male' | 'female';
  birthYear: number;
}

const other = (gender: 'male' | 'female') => (gender === 'male' ? 'female' : 'male');

export class PopulationGenerator {
  private readonly pinyinCache = new Map<string, { full: string; initials: string }>();

  constructor(
    private readonly options: {
      districtCode: string;
      /** e.g. 黑龙江省哈尔滨市平房区 */
      districtAddress: string;
      random: () => number;
      names: DemoNames;
      crypto: FieldCrypto;
      today: Date;
      now: string;
      /** The first 17 characters of every ID number given so far, shared by the districts of one build. */
      usedIds: Set<string>;
    },
  ) {}

  private get year(): number {
    return this.options.today.getUTCFullYear();
  }

  private householdSize(): number {
    let roll = this.options.random();
    for (const [size, share] of SIZES) {
      roll -= share;
      if (roll < 0) return size;
    }
    return 2;
  }

  /** A head, a spouse of about the same age, then children, grandchildren or a parent. */
  private members(size: number): Member[] {
    const random = this.options.random;
    const year = this.year;
    // Heads are older in the smallest households (widowed, empty-nest): Harbin is an ageing city.
    const headYear =
      size === 1 && random() < 0.55
        ? year - 65 - Math.floor(random() * 25)
        : year - 24 - Math.floor(random() * 58);
    const headGender = random() < 0.62 ? 'male' : 'female';
    const people: Member[] = [{ relation: '户主', gender: headGender, birthYear: headYear }];
    if (size > 1 && (random() < 0.9 || size > 2)) {
      const spouseYear = Math.min(year - 20, headYear + Math.floor(random() * 7) - 3);
      people.push({ relation: '配偶', gender: other(headGender), birthYear: spouseYear });
    }
    while (people.length < size) {
      const canHaveChildren = headYear + 22 <= year - 1;
      if (canHaveChildren && (year - headYear < 75 || random() < 0.5)) {
        const childYear = Math.min(year - 1, headYear + 22 + Math.floor(random() * 14));
        const gender = random() < 0.5 ? 'male' : 'female';
        // Grandchildren when the head is old enough, otherwise a son or a daughter.
        const grandchild = year - headYear > 62 && random() < 0.45;
        const relation = grandchild ? '孙子女' : gender === 'male' ? '子' : '女';
        const birthYear = grandchild ? Math.min(year - 1, childYear + 26) : childYear;
        people.push({ relation, gender, birthYear });
      } else {
        people.push({
          relation: '父母',
          gender: random() < 0.6 ? 'female' : 'male',
          birthYear: Math.max(year - 98, headYear - 22 - Math.floor(random() * 10)),
        });
      }
    }
    return people;
  }

  private idNumber(
    birthYear: number,
    gender: 'male' | 'female',
    local: boolean,
  ): {
    id: string;
    birthDate: string;
  } {
    const random = this.options.random;
    const roll = random();
    const prefix = local
      ? roll < 0.75
        ? this.options.districtCode
        : pick(random, HARBIN)
      : roll < 0.6
        ? pick(random, HARBIN)
        : roll < 0.85
          ? pick(random, PROVINCE)
          : pick(random, ELSEWHERE);
    for (;;) {
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const birthDate = `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const order = Math.floor(random() * 50) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${prefix}${birthDate.replaceAll('-', '')}${String(Math.floor(random() * 10))}${String(order).padStart(2, '0')}`;
      if (this.options.usedIds.has(first17)) continue;
      this.options.usedIds.add(first17);
      return { id: first17 + idNumberCheckChar(first17), birthDate };
    }
  }

  private pinyin(name: string) {
    let cached = this.pinyinCache.get(name);
    if (!cached) {
      cached = namePinyin(name);
      this.pinyinCache.set(name, cached);
    }
    return cached;
  }

  /** Tags in rough real proportions, and only where they make sense. */
  private tagsFor(
    member: Member,
    household: {
      size: number;
      lowIncome: boolean;
      extreme: boolean;
      landLost: boolean;
      parentsAway: boolean;
    },
  ): string[] {
    const random = this.options.random;
    const age = this.year - member.birthYear;
    const tags: string[] = [];
    if (age >= 65 && household.size === 1 && random() < 0.75) tags.push(TAG.aloneElderly);
    else if (age >= 62 && household.size === 2 && random() < 0.45) tags.push(TAG.emptyNest);
    if (household.lowIncome) tags.push(TAG.lowIncome);
    if (household.extreme) tags.push(TAG.extremePoverty);
    if (random() < (age >= 60 ? 0.07 : 0.025)) tags.push(TAG.disabled);
    if (household.landLost && age >= 18) tags.push(TAG.landLost);
    if (age >= 35 && age < 60 && random() < 0.035) tags.push(TAG.unemployed);
    if (age >= 38 && member.gender === 'male' && random() < 0.045) tags.push(TAG.veteran);
    if (age < 16 && member.relation === '孙子女' && household.parentsAway) tags.push(TAG.leftBehindChild);
    const vulnerable =
      tags.includes(TAG.aloneElderly) ||
      tags.includes(TAG.extremePoverty) ||
      tags.includes(TAG.leftBehindChild);
    if (vulnerable && random() < 0.4) tags.push(TAG.specialCare);
    return tags;
  }

  /**
   * A community's grids (第一网格…), buildings (1号楼…, six-storey walk-ups and some eleven-storey
   * blocks, two to four entrances, two or three flats a landing) and its households, filled in
   * entrance by entrance. Villages are resettlement estates: their adults lost their land.
   */
  community(
    community: DemoCommunity,
    plan: { households: number; grids: number; resettlement: boolean },
  ): CommunityRows {
    const { random, now } = this.options;
    const rows: CommunityRows = {
      regions: [],
      households: [],
      persons: [],
      tags: [],
      buildings: [],
      people: [],
    };
    const region = (code: string, parent: string, kind: 'grid' | 'building', name: string) =>
      rows.regions.push({
        code,
        parent_code: parent,
        kind,
        name,
        depth: DEPTH_OF_KIND[kind],
        district_code: this.options.districtCode,
        source: 'local',
        created_at: now,
        updated_at: now,
      });
    const perGrid = Math.ceil(plan.households / plan.grids);
    let remaining = plan.households;
    for (let g = 1; g <= plan.grids && remaining > 0; g++) {
      const gridCode = `${community.code}${String(g).padStart(2, '0')}`;
      const gridName = `第${gridNumeral(g)}网格`;
      region(gridCode, community.code, 'grid', gridName);
      let inGrid = Math.min(perGrid, remaining);
      remaining -= inGrid;
      for (let b = 1; inGrid > 0; b++) {
        const buildingCode = `${gridCode}${String(b).padStart(3, '0')}`;
        const name = `${b}号楼`;
        region(buildingCode, gridCode, 'building', name);
        const floors = random() < 0.3 ? FLOORS_HIGH : FLOORS_LOW;
        const flatsPerLanding = random() < 0.6 ? 2 : 3;
        const entrances = 2 + Math.floor(random() * 3);
        const building: DemoBuilding = {
          code: buildingCode,
          name,
          gridCode,
          gridName,
          communityCode: community.code,
          units: new Map(),
        };
        rows.buildings.push(building);
        for (let u = 1; u <= entrances && inGrid > 0; u++) {
          const unit = String(u);
          const households: DemoHousehold[] = [];
          building.units.set(unit, households);
          for (let floor = 1; floor <= floors && inGrid > 0; floor++) {
            for (let flat = 1; flat <= flatsPerLanding && inGrid > 0; flat++) {
              households.push(
                this.household(rows, community, plan.resettlement, {
                  buildingCode,
                  gridCode,
                  unit,
                  floor,
                  room: `${floor}0${flat}`,
                }),
              );
              inGrid -= 1;
            }
          }
        }
      }
    }
    return rows;
  }

  private household(
    rows: CommunityRows,
    community: DemoCommunity,
    resettlement: boolean,
    place: { buildingCode: string; gridCode: string; unit: string; floor: number; room: string },
  ): DemoHousehold {
    const { random, now, crypto, names } = this.options;
    const id = uuidv7();
    const size = this.householdSize();
    const members = this.members(size);
    const lowIncome = random() < 0.03;
    const facts = {
      size,
      lowIncome,
      extreme: lowIncome && random() < 0.12,
      landLost: resettlement && random() < 0.7,
      parentsAway: !members.some((m) => m.relation === '子' || m.relation === '女'),
    };
    const household: DemoHousehold = {
      id,
      buildingCode: place.buildingCode,
      unit: place.unit,
      personIds: [],
    };
    const headSurname = names.surname();
    const spouseSurname = names.surname();
    // Children take their father's surname: the head's, or the spouse's when the head is a woman.
    const husbandIsSpouse = members[0]!.gender === 'female' && members.some((m) => m.relation === '配偶');
    const familySurname = husbandIsSpouse ? spouseSurname : headSurname;
    const registeredAddress = `${this.options.districtAddress}${community.name}`;
    let headId = '';
    for (const member of members) {
      const surname =
        member.relation === '户主'
          ? headSurname
          : member.relation === '配偶'
            ? spouseSurname
            : member.relation === '父母'
              ? member.gender === 'male'
                ? headSurname
                : names.surname()
              : familySurname;
      const name = names.name(member.gender, member.birthYear, surname);
      const local = this.year - member.birthYear < 40 ? random() < 0.8 : random() < 0.45;
      const { id: idNumber, birthDate } = this.idNumber(member.birthYear, member.gender, local);
      const age = this.year - member.birthYear;
      const phone = age >= 12 && random() < (age >= 75 ? 0.6 : 0.92) ? mobilePhone(random) : null;
      const ethnicity = random() < 0.93 ? '汉族' : pick(random, ETHNICITIES);
      const tags = this.tagsFor(member, facts);
      const personId = uuidv7();
      if (member.relation === '户主') headId = personId;
      const pinyin = this.pinyin(name);
      const tagNames = tags.map((t) => TAG_NAMES[t]!);
      rows.persons.push({
        id: personId,
        district_code: this.options.districtCode,
        region_code: place.buildingCode,
        household_id: id,
        name,
        name_pinyin: pinyin.full,
        name_initials: pinyin.initials,
        gender: member.gender,
        birth_date: birthDate,
        ethnicity,
        relation: member.relation,
        id_number_enc: crypto.encrypt('person.id_number', idNumber),
        id_number_bidx: crypto.blindIndex('person.id_number', idNumber),
        ...protectPhone(crypto, phone),
        registered_address: registeredAddress,
        current_address: '',
        note: '',
        status: 'active',
        // The importer's hash of the same fields: re-importing this person is recognized as unchanged.
        row_hash: rowHash([
          name,
          idNumber,
          phone,
          ethnicity,
          place.buildingCode,
          place.unit,
          place.floor,
          place.room,
          '',
          member.relation,
          tags.join(','),
          registeredAddress,
          '',
        ]),
        created_at: now,
        updated_at: now,
      });
      for (const tag of tags)
        rows.tags.push({ person_id: personId, tag_code: tag, district_code: this.options.districtCode });
      household.personIds.push(personId);
      rows.people.push({
        id: personId,
        householdId: id,
        buildingCode: place.buildingCode,
        communityCode: community.code,
        name,
        gender: member.gender,
        birthYear: member.birthYear,
        birthDate,
        phone,
        tags: tagNames,
      });
    }
    rows.households.push({
      id,
      district_code: this.options.districtCode,
      region_code: place.buildingCode,
      grid_code: place.gridCode,
      unit: place.unit,
      floor: place.floor,
      room: place.room,
      address: '',
      head_person_id: headId,
      overview: '',
      created_at: now,
      updated_at: now,
    });
    return household;
  }
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function gridNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]!}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]!}十${n % 10 ? NUMERALS[(n % 10) - 1]! : ''}`;
}
