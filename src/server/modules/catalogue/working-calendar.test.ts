import { describe, expect, it } from 'vitest';
import { beijingDate } from '../../../shared/beijing-time.js';
import { SEED_CALENDAR } from '../../db/migrations/0004-work-orders.seed.js';
import { WorkingCalendar } from './working-calendar.js';

const calendar = new WorkingCalendar(new Map(SEED_CALENDAR.map((day) => [day.date, day.kind])));
/** A Beijing wall time as an instant. */
const beijing = (wall: string) => new Date(`${wall}+08:00`);
const wall = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the working-day calendar (Beijing time)', () => {
  it('knows weekends, holidays and the weekend days worked instead', () => {
    expect(calendar.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false); // 国庆节, a Thursday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked for 国庆
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday worked for 春节
  });

  it('dates an instant by the Beijing calendar, not UTC', () => {
    expect(beijingDate(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(beijingDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
  });

  it('counts resolve days after the day of receipt, skipping the weekend', () => {
    // Received Friday afternoon: Monday, Tuesday, Wednesday; due at midnight ending Wednesday.
    expect(wall(calendar.resolveDeadline(beijing('2026-11-27T15:00'), 3))).toBe('2026-12-03 00:00');
  });

  it('counts across a holiday week and its adjusted working Saturday', () => {
    // Received Tuesday 29 Sept: Wed 30 Sept, (1–7 Oct off), Thu 8, Fri 9, Sat 10 (worked).
    expect(wall(calendar.resolveDeadline(beijing('2026-09-29T10:00'), 3))).toBe('2026-10-10 00:00');
    expect(wall(calendar.resolveDeadline(beijing('2026-09-29T10:00'), 4))).toBe('2026-10-11 00:00');
  });

  it('gives an urgent order the rest of its day, and complaints 13 working days', () => {
    expect(wall(calendar.resolveDeadline(beijing('2026-11-28T10:00'), 0))).toBe('2026-11-29 00:00');
    expect(wall(calendar.resolveDeadline(beijing('2026-11-02T09:00'), 13))).toBe('2026-11-20 00:00');
  });

  it('adds working hours within 09:00–17:00 on working days', () => {
    expect(wall(calendar.addWorkingHours(beijing('2026-11-26T10:00'), 2))).toBe('2026-11-26 12:00');
    // 16:30 Friday: half an hour left that day, the rest on Monday morning.
    expect(wall(calendar.addWorkingHours(beijing('2026-11-27T16:30'), 2))).toBe('2026-11-30 10:30');
    // Taken at night: the clock starts at nine the next working morning.
    expect(wall(calendar.addWorkingHours(beijing('2026-11-26T22:00'), 1))).toBe('2026-11-27 10:00');
    // Over the 国庆 week.
    expect(wall(calendar.addWorkingHours(beijing('2026-09-30T16:00'), 2))).toBe('2026-10-08 10:00');
  });

  it('the callback is due by the end of the next working day', () => {
    expect(wall(calendar.callbackDeadline(beijing('2026-11-27T11:00')))).toBe('2026-12-01 00:00');
  });
});
