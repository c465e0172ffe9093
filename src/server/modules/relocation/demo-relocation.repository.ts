import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  RelocationCaseTable,
  RelocationEventTable,
  ResettlementCommunityTable,
} from './relocation.tables.js';

const inChunks = async <T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
};

/** What the demo reads to build relocation cases, and its bulk writes (no audit: the demo's own row). */
export const demoRelocationRepository = {
  /** Every household of the district with its head's name, in id order. */
  households: (db: Executor, district: string) =>
    db
      .selectFrom('households')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .select(['households.id', 'households.region_code', 'households.address', 'head.name as head_name'])
      .where('households.district_code', '=', district)
      .orderBy('households.id')
      .execute(),

  places: (db: Executor, district: string, kind: 'village' | 'community') =>
    db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('district_code', '=', district)
      .where('kind', '=', kind)
      .orderBy('code')
      .execute(),

  enterprises: (db: Executor, district: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'name', 'region_code'])
      .where('district_code', '=', district)
      .orderBy('id')
      .execute(),

  persons: async (db: Executor, district: string): Promise<number> =>
    Number(
      (
        await db
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('district_code', '=', district)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  insert: async (
    db: Executor,
    rows: {
      communities: Insertable<ResettlementCommunityTable>[];
      cases: Insertable<RelocationCaseTable>[];
      events: Insertable<RelocationEventTable>[];
    },
  ): Promise<void> => {
    await inChunks(rows.communities, (chunk) =>
      db.insertInto('resettlement_communities').values(chunk).execute(),
    );
    await inChunks(rows.cases, (chunk) => db.insertInto('relocation_cases').values(chunk).execute());
    await inChunks(rows.events, (chunk) => db.insertInto('relocation_events').values(chunk).execute());
  },
};
