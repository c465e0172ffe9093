import { type Insertable, sql } from 'kysely';
import { pathOf } from '../../../shared/region-code.js';
import type { Dialect, Executor } from '../../db/database.js';
import type { OtpCodeTable, ResidentAccountTable } from '../../db/tables.js';

/** Region kinds a resident may pick as the place of a request: public names, no buildings. */
const PLACE_KINDS = ['street', 'town', 'community', 'village', 'grid'] as const;

/**
 * Only this file touches resident_accounts, resident_sessions and otp_codes. It also reads the
 * two things the portal needs from elsewhere: a person by phone (to link an account to the
 * register) and the district's public place names.
 */
export const portalRepository = {
  // --- one-time codes ---

  /**
   * Serializes code requests and sign-ins for one phone inside the caller's transaction, so two
   * racing requests cannot both pass the once-a-minute check or both spend one code. SQLite
   * already runs one write transaction at a time.
   */
  lockPhone: async (db: Executor, dialect: Dialect, phoneIndex: string): Promise<void> => {
    if (dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${`otp:${phoneIndex}`}, 0))`.execute(db);
  },

  /** Creation times of the codes sent to a phone since a moment, newest first. */
  codesSince: async (db: Executor, phoneIndex: string, sinceIso: string): Promise<string[]> => {
    const rows = await db
      .selectFrom('otp_codes')
      .select('created_at')
      .where('phone_bidx', '=', phoneIndex)
      .where('created_at', '>=', sinceIso)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => row.created_at);
  },

  insertCode: async (db: Executor, row: Insertable<OtpCodeTable>): Promise<void> => {
    await db.insertInto('otp_codes').values(row).execute();
  },

  /** The newest code sent to a phone: the only one that can still sign in. */
  newestCode: (db: Executor, phoneIndex: string) =>
    db
      .selectFrom('otp_codes')
      .selectAll()
      .where('phone_bidx', '=', phoneIndex)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  countAttempt: async (db: Executor, id: string): Promise<void> => {
    await db
      .updateTable('otp_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },

  /** Spends a code; false when it was spent already (by a racing sign-in). */
  spendCode: async (db: Executor, id: string, at: string): Promise<boolean> => {
    const result = await db
      .updateTable('otp_codes')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Codes long past use: kept an hour for the hourly limit, then deleted. */
  deleteCodesBefore: async (db: Executor, beforeIso: string): Promise<void> => {
    await db.deleteFrom('otp_codes').where('created_at', '<', beforeIso).execute();
  },

  // --- accounts and sessions ---

  accountByPhone: (db: Executor, phoneIndex: string) =>
    db.selectFrom('resident_accounts').selectAll().where('phone_bidx', '=', phoneIndex).executeTakeFirst(),

  account: (db: Executor, id: string) =>
    db.selectFrom('resident_accounts').selectAll().where('id', '=', id).executeTakeFirst(),

  insertAccount: async (db: Executor, row: Insertable<ResidentAccountTable>): Promise<void> => {
    await db.insertInto('resident_accounts').values(row).execute();
  },

  updateAccount: async (
    db: Executor,
    id: string,
    changes: { person_id?: string | null; last_login_at?: string; elder_mode?: number },
  ): Promise<void> => {
    await db.updateTable('resident_accounts').set(changes).where('id', '=', id).execute();
  },

  insertSession: async (db: Executor, id: string, residentId: string, at: string): Promise<void> => {
    await db
      .insertInto('resident_sessions')
      .values({ id, resident_id: residentId, created_at: at, last_seen_at: at })
      .execute();
  },

  session: (db: Executor, id: string) =>
    db.selectFrom('resident_sessions').selectAll().where('id', '=', id).executeTakeFirst(),

  touchSession: async (db: Executor, id: string, at: string): Promise<void> => {
    await db.updateTable('resident_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  },

  deleteSession: async (db: Executor, id: string): Promise<void> => {
    await db.deleteFrom('resident_sessions').where('id', '=', id).execute();
  },

  /** Resident sessions past their idle timeout or lifetime (authentication refuses them anyway). */
  deleteExpiredSessions: async (db: Executor, idleBefore: string, createdBefore: string): Promise<number> => {
    const result = await db
      .deleteFrom('resident_sessions')
      .where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  // --- what the portal reads from elsewhere ---

  /** Active people of the district with this phone (by blind index); at most two are needed. */
  personsWithPhone: (db: Executor, districtCode: string, phoneIndex: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'name', 'region_code'])
      .where('phone_bidx', '=', phoneIndex)
      .where('district_code', '=', districtCode)
      .where('status', '=', 'active')
      .limit(2)
      .execute(),

  person: (db: Executor, id: string) =>
    db
      .selectFrom('persons')
      .select(['id', 'name', 'region_code', 'status', 'birth_date'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Whether a person carries one of the named register tags (独居老人, 空巢老人). */
  personHasTag: async (db: Executor, personId: string, tagNames: readonly string[]): Promise<boolean> =>
    (await db
      .selectFrom('person_tags')
      .innerJoin('tags', 'tags.code', 'person_tags.tag_code')
      .select('person_tags.person_id')
      .where('person_tags.person_id', '=', personId)
      .where('tags.name', 'in', tagNames)
      .executeTakeFirst()) !== undefined,

  /** Streets, communities and grids of the district, in code order (parents before children). */
  places: (db: Executor, districtCode: string) =>
    db
      .selectFrom('regions')
      .select(['code', 'parent_code', 'kind', 'name'])
      .where('district_code', '=', districtCode)
      .where('kind', 'in', PLACE_KINDS)
      .orderBy('code')
      .execute(),

  /** Names of the regions along a code's path (district down to it), for "兴建街道 青年社区". */
  pathNames: async (db: Executor, code: string): Promise<{ code: string; name: string; kind: string }[]> => {
    const codes = pathOf(code);
    if (!codes.includes(code)) codes.push(code);
    return db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();
  },
};
