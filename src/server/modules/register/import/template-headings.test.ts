import { describe, expect, it } from 'vitest';
import { RESIDENT_HEADERS } from '../../../../shared/register-template.js';
import { columnOfHeading, markedHeading } from '../../../../shared/template-headings.js';
import { mapHeaders } from './row-checker.js';

describe('required columns marked with *', () => {
  it('marks a required column and reads either form back as the column', () => {
    expect(markedHeading('姓名', true)).toBe('姓名*');
    expect(markedHeading('备注', false)).toBe('备注');
    for (const heading of ['姓名*', '姓名 *', '姓名＊', '姓名'])
      expect(columnOfHeading(heading)).toBe('姓名');
    // Only a trailing mark is one: a * inside a name is part of it.
    expect(columnOfHeading('A*B')).toBe('A*B');
  });

  it('maps a template header row with marks to the same columns as one without', () => {
    const marked = RESIDENT_HEADERS.map((h) => markedHeading(h, h === '姓名' || h === '所属网格'));
    const plain = mapHeaders([...RESIDENT_HEADERS]);
    const read = mapHeaders(marked);
    expect(read.missing).toEqual([]);
    expect(read.unknown).toEqual([]);
    expect([...read.positions]).toEqual([...plain.positions]);
  });
});
