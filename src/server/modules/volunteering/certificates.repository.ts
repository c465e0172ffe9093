import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { VolunteerCertificateTable } from './volunteering.tables.js';

export type CertificateRow = Selectable<VolunteerCertificateTable>;
export type CertificateView = CertificateRow & { team_name: string };

const viewQuery = (db: Executor) =>
  db
    .selectFrom('volunteer_certificates as c')
    .innerJoin('organizations as t', 't.id', 'c.team_id')
    .selectAll('c')
    .select('t.name as team_name');

/** Service certificates (志愿服务证明). Only this file touches them. */
export const certificatesRepository = {
  insert: async (db: Executor, row: Insertable<VolunteerCertificateTable>): Promise<void> => {
    await db.insertInto('volunteer_certificates').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<CertificateView | undefined> =>
    viewQuery(db).where('c.id', '=', id).where(scope.covers('c.region_code')).executeTakeFirst(),

  /** Unscoped: read back after a write, or for the volunteer's own certificate (checked by the caller). */
  viewUnscoped: (db: Executor, id: string): Promise<CertificateView | undefined> =>
    viewQuery(db).where('c.id', '=', id).executeTakeFirst(),

  /**
   * Unscoped by design: the public verification page confirms a serial to anyone holding the
   * paper; the route reveals only the masked name, hours, organization and date.
   */
  bySerialUnscoped: (db: Executor, serial: string) =>
    db
      .selectFrom('volunteer_certificates as c')
      .innerJoin('organizations as t', 't.id', 'c.team_id')
      .innerJoin('volunteers as v', 'v.id', 'c.volunteer_id')
      .innerJoin('persons as p', 'p.id', 'v.person_id')
      .select(['c.serial', 'c.minutes', 'c.issued_on', 't.name as team_name', 'p.name', 'p.status'])
      .where('c.serial', '=', serial)
      .executeTakeFirst(),

  ofVolunteers: (db: Executor, volunteerIds: readonly string[]): Promise<CertificateView[]> =>
    volunteerIds.length === 0
      ? Promise.resolve([])
      : viewQuery(db)
          .where('c.volunteer_id', 'in', volunteerIds)
          .orderBy('c.issued_on', 'desc')
          .orderBy('c.id')
          .execute(),

  /** How many certificates a district issued on a day: the serial's running number. */
  countIssued: async (db: Executor, districtCode: string, issuedOn: string): Promise<number> => {
    const row = await db
      .selectFrom('volunteer_certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district_code', '=', districtCode)
      .where('issued_on', '=', issuedOn)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
