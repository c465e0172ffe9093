import { describe, expect, it } from 'vitest';
import { lookupPhone } from './phone';

describe('lookupPhone', () => {
  it.each([
    ['', null],
    ['12345', null],
    ['1384567123', null],
    ['0451-866', null],
  ])('refuses %s', (raw, expected) => {
    expect(lookupPhone(raw)).toBe(expected);
  });
  it.each([
    ['138 4567 1234', '13845671234'],
    ['+86 138-4567-1234', '13845671234'],
    ['0451-86661234', '045186661234'],
  ])('looks %s up as %s', (raw, expected) => {
    expect(lookupPhone(raw)).toBe(expected);
  });
});
