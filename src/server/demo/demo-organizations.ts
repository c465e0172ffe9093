import { v7 as uuidv7 } from 'uuid';
import { SERVICE_AREAS } from '../../shared/api/member-workflows.js';
import { regionAt } from '../../shared/region-code.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Insertable } from '../db/row-types.js';
import type {
  CarePairingTable,
  CommendationTable,
  CommunityRegistrationTable,
  DeedTable,
  HealthRecordTable,
  MemberHistoryTable,
  MemberStatus,
  MemberTable,
  OrganizationHistoryTable,
  OrganizationKind,
  OrganizationTable,
  WarmGroupHouseholdTable,
} from '../db/tables.js';
import { pick } from '../fixtures/resident-rows.js';
import { planRecognitionAndRecords } from './demo-organization-records.js';
import { COMMITMENTS, DISTRICT_UNITS, TEAM_NAMES } from './demo-organization-texts.js';
import type { DemoBuilding, DemoCommunity, DemoHousehold, DemoPerson } from './demo-population.js';

export interface OrganizationTargets {
  corridorBranches: number;
  warmGroups: number;
  registeredMembers: number;
  volunteerTeams: number;
  healthRecords: number;
  deeds: number;
  pioneerPosts: number;
  excellentMembers: number;
  advancedCollectives: number;
}

export interface OrganizationRows {
  organizations: Insertable<OrganizationTable>[];
  history: Insertable<OrganizationHistoryTable>[];
  members: Insertable<MemberTable>[];
  memberHistory: Insertable<MemberHistoryTable>[];
  registrations: Insertable<CommunityRegistrationTable>[];
  warmGroupHouseholds: Insertable<WarmGroupHouseholdTable>[];
  care: Insertable<CarePairingTable>[];
  commendations: Insertable<CommendationTable>[];
  healthRecords: Insertable<HealthRecordTable>[];
  deeds: Insertable<DeedTable>[];
}

const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface OrgRef {
  id: string;
  path: string;
  regionCode: string;
  kind: OrganizationKind;
  name: string;
}

/**
 * The district's organizations as the article describes them (区委 → 街道党工委 → 社区党委 → 楼道党支部
 * → 党群温馨小组, with the district units' branches beside them), members (about 3% of adults), their
 * community registrations, warm groups over building entrances with their households, care pairings,
 * volunteer teams, commendations, health records and deeds, sized by the targets.
 */
export function planOrganizations(input: {
  districtCode: string;
  districtName: string;
  streets: { code: string; name: string }[];
  communities: DemoCommunity[];
  buildings: DemoBuilding[];
  people: DemoPerson[];
  targets: OrganizationTargets;
  /** In-service members living here join their community's organizations (the demo member account). */
  accountCommunity: string;
  random: () => number;
  crypto: FieldCrypto;
  today: Date;
  now: string;
}): OrganizationRows & { leaders: Set<string> } {
  const { random, now, today, districtCode } = input;
  const year = today.getUTCFullYear();
  const threeYearsMs = 3 * 365 * 86_400_000;
  const pastDay = () => dateOnly(today.getTime() - Math.floor(random() * threeYearsMs));
  // The tree was there before the platform's three years of work orders: its organizations were
  // set up then (what asks a meeting of them in past quarters, for one), not on the demo's day.
  const founded = new Date(today.getTime() - threeYearsMs).toISOString();
  const rows: OrganizationRows = {
    organizations: [],
    history: [],
    members: [],
    memberHistory: [],
    registrations: [],
    warmGroupHouseholds: [],
    care: [],
    commendations: [],
    healthRecords: [],
    deeds: [],
  };

  const orgRows = new Map<string, Insertable<OrganizationTable>>();
  const organization = (
    kind: OrganizationKind,
    name: string,
    parent: OrgRef | null,
    anchor: string,
  ): OrgRef => {
    const id = uuidv7();
    const path = `${parent?.path ?? '/'}${id}/`;
    const row: Insertable<OrganizationTable> = {
      id,
      district_code: districtCode,
      region_code: anchor,
      parent_id: parent?.id ?? null,
      path,
      kind,
      name,
      leader_member_id: null,
      anchor_region_code: anchor,
      anchor_enterprise_id: null,
      status: 'active',
      created_at: founded,
      updated_at: founded,
    };
    rows.organizations.push(row);
    orgRows.set(id, row);
    rows.history.push({
      id: uuidv7(),
      district_code: districtCode,
      organization_id: id,
      change: 'created',
      before: '{}',
      after: JSON.stringify({ kind, name, parentId: parent?.id ?? null, regionCode: anchor }),
      actor_id: null,
      at: founded,
    });
    return { id, path, regionCode: anchor, kind, name };
  };
  const setLeader = (org: OrgRef, memberId: string) => {
    orgRows.get(org.id)!.leader_member_id = memberId;
  };

  // The tree down to the communities.
  const root = organization('committee', `中共${input.districtName}委员会`, null, districtCode);
  const organs = organization('committee', `${input.districtName}直属机关工作委员会`, root, districtCode);
  const unitBranches = DISTRICT_UNITS.map((unit) =>
    organization('branch', `${unit}党支部`, organs, districtCode),
  );
  const streetCommittees = new Map(
    input.streets.map((s) => [s.code, organization('committee', `${s.name}党工委`, root, s.code)]),
  );
  const committees = new Map<string, OrgRef>();
  for (const community of input.communities) {
    const parent = streetCommittees.get(regionAt(community.code, 'street')) ?? root;
    committees.set(
      community.code,
      organization(
        'committee',
        `${community.name}${community.kind === 'village' ? '党总支' : '党委'}`,
        parent,
        community.code,
      ),
    );
  }

  // Corridor branches in the largest buildings (where a branch has members to form it).
  const sizeOf = (b: DemoBuilding) => [...b.units.values()].reduce((n, hs) => n + hs.length, 0);
  const bySize = input.buildings
    .map((building) => ({ building, key: sizeOf(building) + random() }))
    .sort((a, b) => b.key - a.key);
  const corridorBranches = new Map<string, OrgRef>();
  for (const { building } of bySize.slice(0, input.targets.corridorBranches)) {
    corridorBranches.set(
      building.code,
      organization(
        'corridor_branch',
        `${building.gridName}${building.name}楼道党支部`,
        committees.get(building.communityCode)!,
        building.code,
      ),
    );
  }

  // Members: about 3% of adults, in-service ones enough for the registrations the article counts.
  const adults = input.people.filter((p) => year - p.birthYear >= 20);
  const memberTotal = Math.max(1, Math.round(adults.length * 0.033));
  const registeredTarget = input.targets.registeredMembers;
  const inServiceTarget = Math.min(memberTotal, Math.ceil(registeredTarget * 1.04));
  const shuffled = adults.map((p) => ({ p, key: random() })).sort((a, b) => a.key - b.key);
  const chosen = new Map<string, MemberStatus>();
  const take = (test: (p: DemoPerson) => boolean, count: number, status: MemberStatus) => {
    for (const { p } of shuffled) {
      if (count <= 0) return;
      if (!chosen.has(p.id) && test(p)) {
        chosen.set(p.id, status);
        count -= 1;
      }
    }
  };
  const age = (p: DemoPerson) => year - p.birthYear;
  take((p) => age(p) >= 23 && age(p) < 60, inServiceTarget, 'in_service');
  const rest = memberTotal - chosen.size;
  take((p) => age(p) >= 58 && age(p) < 88, Math.round(rest * 0.85), 'retired');
  take((p) => age(p) >= 20 && age(p) < 45, memberTotal - chosen.size, 'mobile');
  const people = new Map(input.people.map((p) => [p.id, p]));
  const hasLocal = [...chosen].some(
    ([id, status]) => status === 'in_service' && people.get(id)?.communityCode === input.accountCommunity,
  );
  if (!hasLocal) {
    const local = shuffled.find(
      ({ p }) =>
        p.communityCode === input.accountCommunity && age(p) >= 25 && age(p) < 55 && !chosen.has(p.id),
    );
    if (local) chosen.set(local.p.id, 'in_service');
  }

  const membersByOrg = new Map<string, string[]>();
  const membersLivingIn = new Map<string, string[]>(); // building code → member ids
  const membersOfCommunity = new Map<string, string[]>(); // by where they live
  const inService: { memberId: string; person: DemoPerson }[] = [];
  for (const [personId, status] of chosen) {
    const person = people.get(personId)!;
    const communityOrg = corridorBranches.get(person.buildingCode) ?? committees.get(person.communityCode)!;
    const org =
      status === 'in_service' && person.communityCode !== input.accountCommunity && random() < 0.55
        ? pick(random, unitBranches)
        : communityOrg;
    const id = uuidv7();
    const joinedYear = Math.min(
      year - 1,
      person.birthYear + 21 + Math.floor(random() * Math.max(1, Math.min(30, year - person.birthYear - 21))),
    );
    const joinedOn = `${joinedYear}-07-01`;
    rows.members.push({
      id,
      district_code: districtCode,
      region_code: org.regionCode,
      person_id: personId,
      organization_id: org.id,
      user_id: null,
      category: random() < 0.96 ? 'formal' : 'probationary',
      status,
      joined_on: joinedOn,
      post: '',
      created_at: now,
      updated_at: now,
    });
    rows.memberHistory.push({
      id: uuidv7(),
      district_code: districtCode,
      member_id: id,
      organization_id: org.id,
      from_at: `${joinedOn}T00:00:00.000Z`,
      to_at: null,
      reason: 'joined',
    });
    push(membersByOrg, org.id, id);
    push(membersLivingIn, person.buildingCode, id);
    push(membersOfCommunity, person.communityCode, id);
    if (status === 'in_service') inService.push({ memberId: id, person });
  }

  // 双报到: in-service members register at the community where they live; the secretary confirms.
  for (const [index, { memberId, person }] of inService.entries()) {
    if (index >= registeredTarget + Math.ceil(registeredTarget * 0.02)) break;
    const confirmed = index < registeredTarget;
    const decided = pastDay();
    const areas = [...SERVICE_AREAS].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
    rows.registrations.push({
      id: uuidv7(),
      district_code: districtCode,
      region_code: person.communityCode,
      member_id: memberId,
      service_areas: JSON.stringify(areas),
      commitment: pick(random, COMMITMENTS),
      status: confirmed ? 'confirmed' : 'pending',
      decided_by: null,
      decided_at: confirmed ? `${decided}T02:00:00.000Z` : null,
      created_at: `${decided}T01:00:00.000Z`,
      updated_at: now,
    });
  }

  // Leaders of party organizations are their own members.
  const allParty = [...committees.values(), ...corridorBranches.values(), ...unitBranches];
  for (const org of allParty) {
    const first = membersByOrg.get(org.id)?.[0];
    if (first) setLeader(org, first);
  }

  // Warm groups over entrances, spread evenly over the district, each led by a member living nearby.
  const entrances: { building: DemoBuilding; unit: string; households: DemoHousehold[] }[] = [];
  for (const building of input.buildings)
    for (const [unit, households] of building.units) entrances.push({ building, unit, households });
  const groupCount = Math.min(entrances.length, input.targets.warmGroups);
  const leaders = new Set<string>();
  const grouped = new Set<string>();
  const ledCount = new Map<string, number>();
  for (let i = 0; i < groupCount; i++) {
    const { building, unit, households } = entrances[Math.floor((i * entrances.length) / groupCount)]!;
    const parent = corridorBranches.get(building.code) ?? committees.get(building.communityCode)!;
    const group = organization(
      'warm_group',
      `${building.gridName}${building.name}${unit}单元温馨小组`,
      parent,
      building.code,
    );
    const candidates = [
      ...(membersLivingIn.get(building.code) ?? []),
      ...(membersOfCommunity.get(building.communityCode) ?? []),
    ];
    const leader = candidates.sort((a, b) => (ledCount.get(a) ?? 0) - (ledCount.get(b) ?? 0))[0];
    if (leader) {
      setLeader(group, leader);
      leaders.add(leader);
      ledCount.set(leader, (ledCount.get(leader) ?? 0) + 1);
    }
    for (const household of households) {
      grouped.add(household.id);
      rows.warmGroupHouseholds.push({
        household_id: household.id,
        organization_id: group.id,
        district_code: districtCode,
        region_code: household.buildingCode,
        created_at: now,
      });
      if (leader) rows.care.push(careRow(household, leader, 'warm_group'));
    }
  }
  // Households outside warm groups: most have a member named to look after them.
  for (const building of input.buildings) {
    const nearby = membersOfCommunity.get(building.communityCode) ?? [];
    if (nearby.length === 0) continue;
    for (const households of building.units.values())
      for (const household of households)
        if (!grouped.has(household.id) && random() < 0.65)
          rows.care.push(careRow(household, pick(random, nearby), 'assigned'));
  }
  function careRow(household: DemoHousehold, memberId: string, source: 'warm_group' | 'assigned') {
    return {
      household_id: household.id,
      member_id: memberId,
      district_code: districtCode,
      region_code: household.buildingCode,
      source,
      created_at: now,
      updated_at: now,
    };
  }

  // Volunteer teams in the communities, led by a member living there.
  const communities = [...input.communities].sort(() => random() - 0.5);
  for (let i = 0; i < input.targets.volunteerTeams && communities.length > 0; i++) {
    const community = communities[i % communities.length]!;
    const round = Math.floor(i / communities.length);
    const base = TEAM_NAMES[round % TEAM_NAMES.length]!;
    const name = `${community.name}${base}${round >= TEAM_NAMES.length ? Math.floor(round / TEAM_NAMES.length) + 1 : ''}`;
    const team = organization('volunteer_team', name, committees.get(community.code)!, community.code);
    const leader = membersOfCommunity.get(community.code)?.[0];
    if (leader) setLeader(team, leader);
  }

  planRecognitionAndRecords(
    {
      districtCode,
      now,
      year,
      random,
      pastDay,
      crypto: input.crypto,
      people: input.people,
      targets: input.targets,
      parties: allParty,
      committees,
      leaders,
    },
    rows,
  );
  return { ...rows, leaders };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
