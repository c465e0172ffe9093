import type { Insertable } from '../db/row-types.js';
import type { HouseholdTable, PersonTable, PersonTagTable, RegionTable } from '../db/tables.js';

/** What the demo population generator hands to the later steps. */

/** A community or village of the real division tree, where the demo builds grids and buildings. */
export interface DemoCommunity {
  code: string;
  name: string;
  kind: 'community' | 'village';
}

/** What later steps need to know of a person (the rows themselves are written and forgotten). */
export interface DemoPerson {
  id: string;
  householdId: string;
  buildingCode: string;
  communityCode: string;
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  birthDate: string;
  phone: string | null;
  tags: string[];
}

export interface DemoHousehold {
  id: string;
  buildingCode: string;
  unit: string;
  personIds: string[];
}

export interface DemoBuilding {
  code: string;
  name: string;
  gridCode: string;
  gridName: string;
  communityCode: string;
  /** Entrances (单元) with their households, in order. */
  units: Map<string, DemoHousehold[]>;
}

export interface CommunityRows {
  regions: Insertable<RegionTable>[];
  households: Insertable<HouseholdTable>[];
  persons: Insertable<PersonTable>[];
  tags: Insertable<PersonTagTable>[];
  buildings: DemoBuilding[];
  people: DemoPerson[];
}
