import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PersonTable } from '../../db/tables.js';

/** Changes to one person and what hangs off them (tags, health record, head of household). */
export const personWritesRepository = {
  /** A person known only as a member (lives outside the district): no household. */
  async insertMinimal(db: Executor, row: Insertable<PersonTable>): Promise<void> {
    await db.insertInto('persons').values(row).execute();
  },

  async update(db: Executor, id: string, changes: Updateable<PersonTable>): Promise<void> {
    await db.updateTable('persons').set(changes).where('id', '=', id).execute();
  },

  tagsNamed(db: Executor, names: readonly string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return db.selectFrom('tags').select(['code', 'name']).where('name', 'in', names).execute();
  },

  async replaceTags(
    db: Executor,
    personId: string,
    districtCode: string,
    tagCodes: readonly string[],
  ): Promise<void> {
    await db.deleteFrom('person_tags').where('person_id', '=', personId).execute();
    if (tagCodes.length === 0) return;
    await db
      .insertInto('person_tags')
      .values(tagCodes.map((code) => ({ person_id: personId, tag_code: code, district_code: districtCode })))
      .execute();
  },

  async upsertHealthRecord(
    db: Executor,
    record: { personId: string; districtCode: string; regionCode: string; sealed: string; at: string },
  ): Promise<void> {
    await db
      .insertInto('health_records')
      .values({
        person_id: record.personId,
        district_code: record.districtCode,
        region_code: record.regionCode,
        record_enc: record.sealed,
        created_at: record.at,
        updated_at: record.at,
      })
      .onConflict((oc) =>
        oc
          .columns(['district_code', 'person_id'])
          .doUpdateSet({ record_enc: record.sealed, updated_at: record.at }),
      )
      .execute();
  },

  async deleteHealthRecord(db: Executor, personId: string): Promise<void> {
    await db.deleteFrom('health_records').where('person_id', '=', personId).execute();
  },

  /** A person who is no longer identifiable is nobody's head of household. */
  async clearHeadship(db: Executor, personId: string, at: string): Promise<void> {
    await db
      .updateTable('households')
      .set({ head_person_id: null, updated_at: at })
      .where('head_person_id', '=', personId)
      .execute();
  },
};
