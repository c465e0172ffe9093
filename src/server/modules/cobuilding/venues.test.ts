import { beforeAll, expect, it } from 'vitest';
import { bookingListSchema, bookingSchema, unitDetailSchema } from '../../../shared/api/cobuilding.js';
import { describeEachDialect, QINGNIAN, SHANGHAI_XINCUN } from '../../testing/test-env.js';
import { loginIn } from '../member-workflows/testing.js';
import { bookingBody, makeUnit, makeVenue, venueBody } from './testing.js';

const DAY = '2030-03-05';

describeEachDialect('co-building venues: hours, capacity, no overlapping bookings, cancellation', (env) => {
  let secretary: string;
  let unit: string;
  let venue: string;

  beforeAll(async () => {
    secretary = (await loginIn(env, { role: 'secretary', regionCode: QINGNIAN })).cookie;
    unit = await makeUnit(env, secretary, QINGNIAN);
  });

  const book = (body: Record<string, unknown>, id = venue) =>
    env.inject('POST', `/api/venues/${id}/bookings`, { cookie: secretary, body });

  it('refuses bad venues and bookings field by field, and writes nothing', async () => {
    const badVenues: [Record<string, unknown>, string][] = [
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ opensAt: '8:00' }, 'opensAt'],
      [{ closesAt: '25:00' }, 'closesAt'],
      [{ opensAt: '20:00', closesAt: '08:00' }, 'closesAt'],
      [{ name: '' }, 'name'],
    ];
    for (const [override, field] of badVenues) {
      const r = await env.inject('POST', `/api/cobuilding-units/${unit}/venues`, {
        cookie: secretary,
        body: venueBody(override),
      });
      expect(r.status, JSON.stringify(override)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await env.countRows('cobuilding_venues')).toBe(0);
    venue = await makeVenue(env, secretary, unit);

    const badBookings: [Record<string, unknown>, string][] = [
      [bookingBody(DAY, '10:00', '09:00'), 'endsAt'],
      [bookingBody(DAY, '10:00', '11:00', { startsAt: 'tomorrow' }), 'startsAt'],
      [bookingBody(DAY, '07:00', '09:00'), 'startsAt'],
      [bookingBody(DAY, '19:00', '21:00'), 'endsAt'],
      [bookingBody(DAY, '10:00', '11:00', { attendees: 51 }), 'attendees'],
      [bookingBody(DAY, '10:00', '11:00', { attendees: 0 }), 'attendees'],
      [bookingBody(DAY, '10:00', '11:00', { purpose: ' ' }), 'purpose'],
      [bookingBody('2020-01-06', '10:00', '11:00'), 'startsAt'],
    ];
    for (const [body, field] of badBookings) {
      const r = await book(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    const hours = await book(bookingBody(DAY, '07:00', '09:00'));
    expect(hours.error.fields?.[0]?.message).toBe('须在场所开放时间内（北京时间 08:30–20:00，同一天）');
    expect(await env.countRows('venue_bookings')).toBe(0);
  });

  it('refuses an overlapping booking, frees the time on cancellation', async () => {
    const first = await book(bookingBody(DAY, '09:00', '11:00'));
    expect(first.status).toBe(201);
    for (const [from, to] of [
      ['10:00', '12:00'],
      ['08:30', '09:30'],
      ['09:30', '10:30'],
      ['08:30', '12:00'],
    ] as const) {
      const clash = await book(bookingBody(DAY, from, to));
      expect(clash.status, `${from}-${to}`).toBe(409);
      expect(clash.error.code).toBe('cobuilding.venue_taken');
    }
    // Back to back is no overlap.
    expect((await book(bookingBody(DAY, '11:00', '12:00'))).status).toBe(201);
    const id = first.body(bookingSchema).id;
    const blank = await env.inject('POST', `/api/venue-bookings/${id}/cancel`, {
      cookie: secretary,
      body: { reason: ' ' },
    });
    expect(blank.status).toBe(400);
    const cancelled = await env.inject('POST', `/api/venue-bookings/${id}/cancel`, {
      cookie: secretary,
      body: { reason: '活动改期' },
    });
    expect(cancelled.body(bookingSchema).status).toBe('cancelled');
    const twice = await env.inject('POST', `/api/venue-bookings/${id}/cancel`, {
      cookie: secretary,
      body: { reason: '活动改期' },
    });
    expect(twice.status).toBe(409);
    expect((await book(bookingBody(DAY, '10:00', '11:00'))).status).toBe(201);
    const list = (await env.inject('GET', `/api/venues/${venue}/bookings`, { cookie: secretary })).body(
      bookingListSchema,
    );
    expect(list.items.filter((b) => b.status === 'booked')).toHaveLength(2);
  });

  it('lets exactly one of many parallel bookings of the same time through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        book(bookingBody('2030-03-06', '14:00', '16:00', { purpose: `并发预约${i}` })),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
    const rows = await env.database.db
      .selectFrom('venue_bookings')
      .select('id')
      .where('venue_id', '=', venue)
      .where('starts_at', '>=', '2030-03-06T00:00:00.000Z')
      .where('status', '=', 'booked')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('answers 404 for another community’s unit, venue and booking, 403 without the permission', async () => {
    const admin = await env.loginAdmin();
    const otherUnit = await makeUnit(env, admin, SHANGHAI_XINCUN);
    const otherVenue = await makeVenue(env, admin, otherUnit);
    const otherBooking = (
      await env.inject('POST', `/api/venues/${otherVenue}/bookings`, {
        cookie: admin,
        body: bookingBody(DAY, '09:00', '10:00'),
      })
    ).body(bookingSchema).id;
    expect(
      (await env.inject('GET', `/api/cobuilding-units/${otherUnit}`, { cookie: secretary })).status,
    ).toBe(404);
    expect((await book(bookingBody(DAY, '12:00', '13:00'), otherVenue)).status).toBe(404);
    expect(
      (await env.inject('GET', `/api/venues/${otherVenue}/bookings`, { cookie: secretary })).status,
    ).toBe(404);
    const cancel = await env.inject('POST', `/api/venue-bookings/${otherBooking}/cancel`, {
      cookie: secretary,
      body: { reason: '越权取消' },
    });
    expect(cancel.status).toBe(404);
    const detail = (await env.inject('GET', `/api/cobuilding-units/${unit}`, { cookie: secretary })).body(
      unitDetailSchema,
    );
    expect(detail.venueList.map((v) => v.id)).toEqual([venue]);
    const gridWorker = (await loginIn(env, { role: 'grid_worker', regionCode: QINGNIAN })).cookie;
    expect((await env.inject('GET', '/api/venues', { cookie: gridWorker })).status).toBe(403);
  });
});
