import { describe, expect, it } from 'vitest';
import { checkInFromLink, checkInLink } from './check-in-link';

const ACTIVITY = '0190a0b0-0000-7000-8000-00000000abcd';

describe('the check-in link a QR code carries', () => {
  it('reads back the activity and code it was made with', () => {
    const link = new URL(checkInLink('https://lianxin.example', ACTIVITY, '042917'));
    expect(link.pathname).toBe('/check-in');
    expect(checkInFromLink(link.searchParams)).toEqual({ activityId: ACTIVITY, code: '042917' });
  });

  it('ignores an address without a well-formed activity and six-digit code', () => {
    for (const search of [
      '',
      `?activity=${ACTIVITY}`,
      `?activity=${ACTIVITY}&code=12345`,
      `?activity=${ACTIVITY}&code=12345a`,
      '?activity=x&code=123456',
      `?activity=${ACTIVITY}&code=1234567`,
    ])
      expect(checkInFromLink(new URLSearchParams(search)), search).toBeNull();
  });
});
