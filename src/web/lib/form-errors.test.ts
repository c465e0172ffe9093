import { describe, expect, it } from 'vitest';
import { formNameOf } from './form-errors';

describe('formNameOf: where a server field error lands on a form', () => {
  const known = new Set(['shiftId', 'entries', 'minutes']);
  it('keeps a flat field by its name', () => {
    expect(formNameOf('minutes', known)).toBe('minutes');
  });
  it('names a row of a list field by its index', () => {
    expect(formNameOf('entries.1.minutes', known)).toEqual(['entries', 1, 'minutes']);
  });
  it('finds no field the form does not have', () => {
    expect(formNameOf('items.0.minutes', known)).toBeNull();
    expect(formNameOf('remark', known)).toBeNull();
  });
});
