import type { Scope } from '../../auth/scope.js';
import type { Household, Person } from '../../db/tables.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { careRepository } from '../organizations/index.js';
import { regionsRepository } from '../regions/index.js';
import type { PersonsService } from './persons.service.js';
import { registerRepository } from './register.repository.js';

export interface HouseholdCell {
  id: string;
  unit: string;
  floor: number | null;
  room: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  headName: string | null;
  size: number;
  tags: string[];
  /** The name of the member who looks after the household (care pairing). */
  caringMember: string | null;
}

/** "301" on floor 3 and "401" on floor 4 share a position: the part after the floor number. */
const roomPosition = (household: Household) => {
  const floor = household.floor === null ? '' : String(household.floor);
  return floor && household.room.startsWith(floor) ? household.room.slice(floor.length) : household.room;
};

export class HouseholdsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly persons: PersonsService,
  ) {}

  /** Households as map cells: head, size and the union of the members' tags. */
  private async cells(households: Household[]): Promise<HouseholdCell[]> {
    const { db } = this.ctx.database;
    const members = await registerRepository.membersOf(
      db,
      households.map((h) => h.id),
    );
    const tags = await registerRepository.tagNamesOf(
      db,
      members.map((m) => m.id),
    );
    const caring = new Map(
      (
        await careRepository.caringMembersOf(
          db,
          households.map((h) => h.id),
        )
      ).map((c) => [c.household_id, c.name]),
    );
    const byHousehold = new Map<string, Person[]>();
    for (const member of members) {
      if (member.household_id)
        byHousehold.set(member.household_id, [...(byHousehold.get(member.household_id) ?? []), member]);
    }
    return households.map((h) => {
      const people = (byHousehold.get(h.id) ?? []).filter((p) => p.status === 'active');
      return {
        id: h.id,
        unit: h.unit,
        floor: h.floor,
        room: h.room,
        address: h.address,
        latitude: h.latitude,
        longitude: h.longitude,
        headName: people.find((p) => p.id === h.head_person_id)?.name ?? null,
        size: people.length,
        tags: [...new Set(people.flatMap((p) => tags.get(p.id) ?? []))],
        caringMember: caring.get(h.id) ?? null,
      };
    });
  }

  async get(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const household = await registerRepository.findHousehold(db, scope, id);
    if (!household) throw notFound('household.not_found');
    const members = (await registerRepository.membersOf(db, [id])).filter((m) => m.status === 'active');
    const tags = await registerRepository.tagNamesOf(
      db,
      members.map((m) => m.id),
    );
    const withHealth = await registerRepository.withHealthRecord(
      db,
      members.map((m) => m.id),
    );
    const place = await regionsRepository.findUnscoped(db, household.region_code);
    const [cell] = await this.cells([household]);
    return {
      ...cell!,
      regionCode: household.region_code,
      regionName: place?.name ?? household.region_code,
      gridCode: household.grid_code,
      overview: household.overview,
      members: members.map((m) => ({
        ...this.persons.summary(m, tags.get(m.id) ?? []),
        isHead: m.id === household.head_person_id,
        hasHealthRecord: withHealth.has(m.id),
      })),
      // Visits and work orders are added by their modules; the page shows where they will appear.
      contactHistory: [] as { at: string; kind: string; summary: string }[],
    };
  }

  /** A grid: its buildings (with counts) and households placed by coordinates; a building: its cells. */
  async neighbourMap(scope: Scope, regionCode: string) {
    const { db } = this.ctx.database;
    const region = await regionsRepository.findInScope(db, scope, regionCode);
    if (!region) throw notFound('region.not_found', { code: regionCode });
    if (region.kind === 'building') {
      const cells = await this.cells(await registerRepository.householdsAt(db, region.code));
      return {
        kind: 'building' as const,
        regionCode: region.code,
        name: region.name,
        households: cells,
        buildings: [],
      };
    }
    const buildings = region.kind === 'grid' ? await regionsRepository.children(db, region.code) : [];
    const counts = region.kind === 'grid' ? await registerRepository.countsByBuilding(db, region.code) : [];
    const loose =
      region.kind === 'grid' ? await this.cells(await registerRepository.householdsAt(db, region.code)) : [];
    return {
      kind: region.kind,
      regionCode: region.code,
      name: region.name,
      households: loose,
      buildings: buildings.map((b) => {
        const count = counts.find((c) => c.region_code === b.code);
        return {
          code: b.code,
          name: b.name,
          households: Number(count?.households ?? 0),
          persons: Number(count?.persons ?? 0),
        };
      }),
    };
  }

  /** Same floor left and right, the floors above and below; without a building, the nearest six. */
  async neighbours(scope: Scope, id: string) {
    const { db } = this.ctx.database;
    const household = await registerRepository.findHousehold(db, scope, id);
    if (!household) throw notFound('household.not_found');
    const around = (await registerRepository.householdsAt(db, household.region_code)).filter(
      (h) => h.id !== id,
    );
    let chosen: {
      household: Household;
      relation: 'left' | 'right' | 'above' | 'below' | 'near';
      distance?: number;
    }[];
    if (household.room) {
      const sameFloor = around
        .filter((h) => h.unit === household.unit && h.floor === household.floor)
        .sort((a, b) => a.room.localeCompare(b.room, 'zh', { numeric: true }));
      const left = sameFloor
        .filter((h) => h.room.localeCompare(household.room, 'zh', { numeric: true }) < 0)
        .at(-1);
      const right = sameFloor.find((h) => h.room.localeCompare(household.room, 'zh', { numeric: true }) > 0);
      const position = roomPosition(household);
      const stacked = (delta: number) =>
        around.find(
          (h) =>
            h.unit === household.unit &&
            household.floor !== null &&
            h.floor === household.floor + delta &&
            roomPosition(h) === position,
        );
      chosen = [
        ...(left ? [{ household: left, relation: 'left' as const }] : []),
        ...(right ? [{ household: right, relation: 'right' as const }] : []),
        ...(stacked(1) ? [{ household: stacked(1)!, relation: 'above' as const }] : []),
        ...(stacked(-1) ? [{ household: stacked(-1)!, relation: 'below' as const }] : []),
      ];
    } else {
      const { latitude, longitude } = household;
      chosen =
        latitude === null || longitude === null
          ? []
          : around
              .filter((h) => h.latitude !== null && h.longitude !== null)
              .map((h) => ({
                household: h,
                relation: 'near' as const,
                distance: distanceMetres(latitude, longitude, h.latitude!, h.longitude!),
              }))
              .sort((a, b) => a.distance - b.distance)
              .slice(0, 6);
    }
    const cells = await this.cells(chosen.map((c) => c.household));
    return chosen.map((c, i) => ({
      relation: c.relation,
      distanceMetres: c.distance === undefined ? null : Math.round(c.distance),
      household: cells[i]!,
    }));
  }
}

/** Haversine distance; plenty for households within one village. */
function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
