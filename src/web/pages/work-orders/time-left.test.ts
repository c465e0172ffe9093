import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left';

const NOW = Date.parse('2026-03-10T02:00:00Z');
const order = (dueAt: string, overrides: { status?: 'in_progress' | 'closed'; overdue?: boolean } = {}) => ({
  status: overrides.status ?? 'in_progress',
  dueAt,
  overdue: overrides.overdue ?? false,
});

describe('timeLeft', () => {
  it('has no deadline for a closed order', () => {
    expect(timeLeft(order('2026-03-09T00:00:00Z', { status: 'closed' }), NOW)).toBeNull();
  });
  it('is red past the deadline, counting the time since', () => {
    expect(timeLeft(order('2026-03-08T23:30:00Z'), NOW)).toEqual({
      urgency: 'overdue',
      days: 1,
      hours: 2,
      minutes: 30,
    });
  });
  it('is red when the server marked it overdue, even if a clock is behind', () => {
    expect(timeLeft(order('2026-03-10T03:00:00Z', { overdue: true }), NOW)?.urgency).toBe('overdue');
  });
  it('is orange with less than a day left', () => {
    expect(timeLeft(order('2026-03-11T01:59:00Z'), NOW)).toEqual({
      urgency: 'soon',
      days: 0,
      hours: 23,
      minutes: 59,
    });
  });
  it('is green with a day or more left', () => {
    expect(timeLeft(order('2026-03-12T05:00:00Z'), NOW)).toEqual({
      urgency: 'ok',
      days: 2,
      hours: 3,
      minutes: 0,
    });
  });
});
