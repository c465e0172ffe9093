import { v7 as uuidv7 } from 'uuid';
import { ARTICLE_POPULATION } from '../../shared/article-figures.js';
import { beijingDate } from '../../shared/beijing-time.js';
import { seededRandom } from '../fixtures/resident-rows.js';
import { demoRelocationRepository as repo } from '../modules/relocation/index.js';
import type { ServiceContext } from '../services.js';

const DAY = 86_400_000;

/**
 * The article's relocation figures for a district of 200,000 residents, scaled to the demo's own:
 * "征收6 000多户农户" (farm households moved out or resettled: a little over 6,000), "回迁安置小区…10个"
 * and "安置居民2万户" (farm and shanty-town households resettled in them), "企业200多家".
 */
export const DEMO_RELOCATION = {
  farmHouseholds: 6_000 * 1.02,
  resettledHouseholds: 20_000,
  communities: 10,
  enterprises: 200 * 1.04,
  /** Share of the farm households still waiting for their flat (moved, not yet resettled). */
  farmWaiting: 0.1,
  /** Cases still under way (surveyed, agreed or paid) and withdrawn, per 200,000 residents. */
  underWay: 240,
  withdrawn: 40,
} as const;

const OFFICE = '区房屋征收办公室';
type Step = 'surveyed' | 'agreed' | 'paid' | 'moved' | 'resettled' | 'withdrawn';
const ORDER: Step[] = ['surveyed', 'agreed', 'paid', 'moved', 'resettled'];

/** The flat numbered `i` in an estate of six-storey buildings: 4 entrances × 6 floors × 2 flats each. */
const flat = (i: number) =>
  `${Math.floor(i / 48) + 1}-${Math.floor((i % 48) / 12) + 1}-${Math.floor((i % 12) / 2) + 1}0${(i % 2) + 1}`;

/**
 * 易地搬迁 in the demo: ten resettlement communities of the district's first communities, farm
 * households of its villages expropriated (征地拆迁) and shanty-town households of its communities
 * (棚户区改造) relocated and resettled in them with their flats, a few enterprises moved out, and
 * some cases still under way or withdrawn. Each case has its steps' events; written in bulk.
 */
export async function buildDemoRelocation(ctx: ServiceContext, district: string): Promise<void> {
  const { db } = ctx.database;
  const random = seededRandom(Number(district) + 31);
  const persons = await repo.persons(db, district);
  const scale = persons / ARTICLE_POPULATION;
  const n = (figure: number) => Math.round(figure * scale);
  const places = await repo.places(db, district, 'community');
  const villages = (await repo.places(db, district, 'village')).map((v) => v.code);
  const households = await repo.households(db, district);
  if (places.length === 0 || households.length === 0) return;

  const now = ctx.now().getTime();
  const at = new Date(now).toISOString();
  const inVillage = (code: string) => villages.some((v) => code.startsWith(v));
  const farm = households.filter((h) => inVillage(h.region_code));
  const town = households.filter((h) => !inVillage(h.region_code));
  // Farm households from the villages first; a district with few village households tops up from town.
  const topUp = Math.max(0, n(DEMO_RELOCATION.farmHouseholds) - farm.length);
  const farmPool = [...farm, ...town.slice(town.length - topUp)];
  const townPool = town.slice(0, town.length - topUp);

  type Rows = Parameters<typeof repo.insert>[1];
  const rows: Rows = { communities: [], cases: [], events: [] };
  const resettled = n(DEMO_RELOCATION.resettledHouseholds);
  const estates = places.slice(0, DEMO_RELOCATION.communities).map((place) => ({
    id: uuidv7(),
    place,
    given: 0,
  }));
  const capacity = Math.ceil((resettled / estates.length) * 1.1) + 5;

  const addCase = (
    subject: { kind: 'household' | 'enterprise'; id: string; name: string; regionCode: string },
    program: 'land' | 'shantytown',
    status: Step,
  ) => {
    const id = uuidv7();
    const house =
      program === 'land' ? 6_000 + Math.floor(random() * 14_000) : 3_000 + Math.floor(random() * 5_000);
    const land = program === 'land' ? 30_000 + Math.floor(random() * 60_000) : 0;
    const area = subject.kind === 'enterprise' ? { house: house * 40, land: land * 30 } : { house, land };
    // ¥2,600–3,800 per m² of house and ¥45 per m² of land, in fen.
    const compensation = Math.round(area.house * (26 + random() * 12) + area.land * 0.45) * 100;
    // Surveyed within the last three years; each later step some weeks after the one before.
    let day = now - (120 + Math.floor(random() * 900)) * DAY;
    const reached = status === 'withdrawn' ? ['surveyed'] : ORDER.slice(0, ORDER.indexOf(status) + 1);
    const dates: Partial<Record<Step, string>> = {};
    let previous: Step | null = null;
    for (const step of [...reached, ...(status === 'withdrawn' ? ['withdrawn'] : [])] as Step[]) {
      if (previous)
        day = Math.min(
          now - DAY,
          day + (10 + Math.floor(random() * (step === 'resettled' ? 300 : 40))) * DAY,
        );
      dates[step] = beijingDate(day);
      rows.events.push({
        id: uuidv7(),
        district_code: district,
        case_id: id,
        action:
          previous === null
            ? 'survey'
            : step === 'withdrawn'
              ? 'withdraw'
              : ({ agreed: 'agree', paid: 'pay', moved: 'move', resettled: 'resettle' } as const)[
                  step as 'agreed'
                ],
        from_status: previous,
        to_status: step,
        on_day: dates[step]!,
        note: step === 'withdrawn' ? '规划调整，暂缓征收' : '',
        actor_id: null,
        actor_name: OFFICE,
        at: new Date(day).toISOString(),
      });
      previous = step;
    }
    let estate: (typeof estates)[number] | undefined;
    if (status === 'resettled') {
      estate = estates.reduce((best, e) => (e.given < best.given ? e : best), estates[0]!);
      estate.given += 1;
    }
    rows.cases.push({
      id,
      district_code: district,
      region_code: subject.regionCode,
      subject: subject.kind,
      subject_id: subject.id,
      subject_name: subject.name,
      program,
      land_area_dm2: area.land,
      house_area_dm2: area.house,
      compensation_fen: dates.agreed ? compensation : null,
      status,
      surveyed_on: dates.surveyed!,
      agreed_on: dates.agreed ?? null,
      paid_on: dates.paid ?? null,
      moved_on: dates.moved ?? null,
      resettled_on: dates.resettled ?? null,
      withdrawn_on: dates.withdrawn ?? null,
      resettlement_id: estate?.id ?? null,
      unit: estate ? flat(estate.given - 1) : null,
      note: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    });
  };
  const householdSubject = (h: (typeof households)[number]) => ({
    kind: 'household' as const,
    id: h.id,
    name: h.head_name ? `${h.head_name}户 · ${h.address}` : h.address,
    regionCode: h.region_code,
  });

  // Farm households: most resettled, some moved out and waiting; then cases under way and withdrawn.
  const farmRelocated = Math.min(farmPool.length, n(DEMO_RELOCATION.farmHouseholds));
  const farmWaiting = Math.round(farmRelocated * DEMO_RELOCATION.farmWaiting);
  let next = 0;
  for (; next < farmRelocated; next++)
    addCase(householdSubject(farmPool[next]!), 'land', next < farmWaiting ? 'moved' : 'resettled');
  const extra = farmPool.slice(next, next + n(DEMO_RELOCATION.underWay) + n(DEMO_RELOCATION.withdrawn));
  for (const [i, h] of extra.entries())
    addCase(
      householdSubject(h),
      'land',
      i < n(DEMO_RELOCATION.withdrawn) ? 'withdrawn' : (['surveyed', 'agreed', 'paid'] as const)[i % 3]!,
    );
  // Shanty-town households fill the estates up to the article's 20,000 resettled.
  const shanty = Math.max(0, resettled - (farmRelocated - farmWaiting));
  for (const h of townPool.slice(0, shanty)) addCase(householdSubject(h), 'shantytown', 'resettled');
  // Enterprises on the expropriated land moved out.
  for (const e of (await repo.enterprises(db, district)).slice(0, n(DEMO_RELOCATION.enterprises)))
    addCase({ kind: 'enterprise', id: e.id, name: e.name, regionCode: e.region_code }, 'land', 'moved');

  for (const estate of estates)
    rows.communities.push({
      id: estate.id,
      district_code: district,
      region_code: estate.place.code,
      name: `${estate.place.name.replace(/社区$/, '')}回迁安置小区`,
      capacity_units: Math.max(capacity, estate.given),
      occupied_units: estate.given,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
  await db.transaction().execute((trx) => repo.insert(trx, rows));
}
