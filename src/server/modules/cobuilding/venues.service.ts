import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { createBookingBody, createVenueBody } from '../../../shared/api/cobuilding.js';
import { beijingDate, formatBeijing } from '../../../shared/beijing-time.js';
import type { Scope } from '../../auth/scope.js';
import { conflict, fieldError, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import type { AuditActor } from '../audit/index.js';
import { unitsRepository as units } from './units.repository.js';
import { venuesRepository as venues } from './venues.repository.js';

/** Beijing wall time of an instant, HH:mm. */
const clock = (iso: string) => formatBeijing(iso).slice(11);

/**
 * 场所联用: the venues a co-building unit opens to residents, with capacity and opening hours, and
 * their bookings. Two bookings of one venue never overlap: each booking first takes the venue's row
 * lock in its transaction, then looks for an overlapping live booking, then writes.
 */
export class VenuesService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(scope: Scope, unitId: string, input: z.output<typeof createVenueBody>, actor: AuditActor) {
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const unit = await units.findInScope(trx, scope, unitId);
      if (!unit) throw notFound('cobuilding.unit_not_found');
      const now = this.ctx.now().toISOString();
      await venues.insert(trx, {
        id,
        district_code: unit.district_code,
        region_code: unit.region_code,
        unit_id: unitId,
        name: input.name,
        address: input.address,
        capacity: input.capacity,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        created_at: now,
        updated_at: now,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.venue_created',
        targetType: 'cobuilding_venue',
        targetId: id,
        regionCode: unit.region_code,
        summary: { unitId, name: input.name, capacity: input.capacity },
      });
    });
    return this.venue(scope, id);
  }

  async venue(scope: Scope, id: string) {
    const row = await venues.findInScope(this.ctx.database.db, scope, id);
    if (!row) throw notFound('cobuilding.venue_not_found');
    return row;
  }

  list(scope: Scope) {
    return venues.list(this.ctx.database.db, scope);
  }

  async bookings(scope: Scope, id: string) {
    await this.venue(scope, id);
    return venues.bookings(this.ctx.database.db, id);
  }

  async book(scope: Scope, venueId: string, input: z.output<typeof createBookingBody>, actor: AuditActor) {
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    const now = this.ctx.now();
    const id = uuidv7();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const venue = await venues.findInScope(trx, scope, venueId);
      if (!venue) throw notFound('cobuilding.venue_not_found');
      if (Date.parse(startsAt) < now.getTime()) throw fieldError('startsAt', 'cobuilding.booking_in_past');
      if (input.attendees > venue.capacity)
        throw fieldError('attendees', 'cobuilding.over_capacity', { capacity: venue.capacity });
      if (beijingDate(startsAt) !== beijingDate(endsAt) || clock(startsAt) < venue.opens_at)
        throw fieldError('startsAt', 'cobuilding.outside_hours', {
          opens: venue.opens_at,
          closes: venue.closes_at,
        });
      if (clock(endsAt) > venue.closes_at)
        throw fieldError('endsAt', 'cobuilding.outside_hours', {
          opens: venue.opens_at,
          closes: venue.closes_at,
        });
      const at = now.toISOString();
      await venues.lock(trx, venueId, at);
      const clash = await venues.overlapping(trx, venueId, startsAt, endsAt);
      if (clash)
        throw conflict('cobuilding.venue_taken', {
          from: formatBeijing(clash.starts_at),
          to: clock(clash.ends_at),
        });
      await venues.insertBooking(trx, {
        id,
        district_code: venue.district_code,
        region_code: venue.region_code,
        venue_id: venueId,
        starts_at: startsAt,
        ends_at: endsAt,
        purpose: input.purpose,
        attendees: input.attendees,
        status: 'booked',
        booked_by: actor.id,
        booked_by_name: actor.name,
        cancel_reason: null,
        created_at: at,
        updated_at: at,
      });
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.venue_booked',
        targetType: 'venue_booking',
        targetId: id,
        regionCode: venue.region_code,
        summary: { venueId, startsAt, endsAt, attendees: input.attendees },
      });
    });
    return this.booking(scope, id);
  }

  async cancel(scope: Scope, id: string, reason: string, actor: AuditActor) {
    await this.ctx.database.db.transaction().execute(async (trx) => {
      const booking = await venues.bookingInScope(trx, scope, id);
      if (!booking) throw notFound('cobuilding.booking_not_found');
      if (!(await venues.cancel(trx, id, reason, this.ctx.now().toISOString())))
        throw conflict('cobuilding.booking_cancelled');
      await this.ctx.audit.append(trx, actor, {
        action: 'cobuilding.booking_cancelled',
        targetType: 'venue_booking',
        targetId: id,
        regionCode: booking.region_code,
        summary: { venueId: booking.venue_id, reason },
      });
    });
    return this.booking(scope, id);
  }

  async booking(scope: Scope, id: string) {
    const row = await venues.bookingInScope(this.ctx.database.db, scope, id);
    if (!row) throw notFound('cobuilding.booking_not_found');
    return row;
  }
}
