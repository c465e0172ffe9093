import type { Insertable, Selectable } from 'kysely';
import type { Scope } from '../../auth/scope.js';
import type { Executor } from '../../db/database.js';
import type { CobuildingVenueTable, VenueBookingTable } from './cobuilding.tables.js';

export type BookingRow = Selectable<VenueBookingTable>;
export type VenueRow = Selectable<CobuildingVenueTable> & { unit_name: string };

const venues = (db: Executor) =>
  db
    .selectFrom('cobuilding_venues as v')
    .innerJoin('cobuilding_units as u', 'u.id', 'v.unit_id')
    .selectAll('v')
    .select('u.name as unit_name');

/** 场所联用: venues of co-building units and their bookings. Only this file touches their tables. */
export const venuesRepository = {
  insert: async (db: Executor, row: Insertable<CobuildingVenueTable>) => {
    await db.insertInto('cobuilding_venues').values(row).execute();
  },

  findInScope: (db: Executor, scope: Scope, id: string): Promise<VenueRow | undefined> =>
    venues(db).where('v.id', '=', id).where(scope.covers('v.region_code')).executeTakeFirst(),

  ofUnit: (db: Executor, unitId: string): Promise<VenueRow[]> =>
    venues(db).where('v.unit_id', '=', unitId).orderBy('v.name').orderBy('v.id').execute(),

  list: (db: Executor, scope: Scope): Promise<VenueRow[]> =>
    venues(db).where(scope.covers('v.region_code')).orderBy('u.name').orderBy('v.name').limit(1000).execute(),

  /**
   * Takes the venue's row lock (an UPDATE: on PostgreSQL a second booking of the venue waits here
   * until the first commits, then reads its booking; SQLite has one writer anyway).
   */
  lock: async (db: Executor, id: string, at: string) => {
    await db.updateTable('cobuilding_venues').set({ updated_at: at }).where('id', '=', id).execute();
  },

  /** A live booking of the venue overlapping [startsAt, endsAt), if any. */
  overlapping: (db: Executor, venueId: string, startsAt: string, endsAt: string) =>
    db
      .selectFrom('venue_bookings')
      .select(['id', 'starts_at', 'ends_at'])
      .where('venue_id', '=', venueId)
      .where('status', '=', 'booked')
      .where('starts_at', '<', endsAt)
      .where('ends_at', '>', startsAt)
      .orderBy('starts_at')
      .executeTakeFirst(),

  insertBooking: async (db: Executor, row: Insertable<VenueBookingTable>) => {
    await db.insertInto('venue_bookings').values(row).execute();
  },

  bookings: (db: Executor, venueId: string): Promise<Selectable<VenueBookingTable>[]> =>
    db
      .selectFrom('venue_bookings')
      .selectAll()
      .where('venue_id', '=', venueId)
      .orderBy('starts_at', 'desc')
      .orderBy('id')
      .limit(500)
      .execute(),

  bookingInScope: (db: Executor, scope: Scope, id: string) =>
    db
      .selectFrom('venue_bookings')
      .selectAll()
      .where('id', '=', id)
      .where(scope.covers('venue_bookings.region_code'))
      .executeTakeFirst(),

  /** Cancels a live booking (answers whether it was live). */
  async cancel(db: Executor, id: string, reason: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('venue_bookings')
      .set({ status: 'cancelled', cancel_reason: reason, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'booked')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
