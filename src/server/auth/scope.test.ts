import { describe, expect, it } from 'vitest';
import { codeRangeEnd, Scope } from './scope.js';

describe('Scope', () => {
  it('reduces roots to the smallest equivalent set', () => {
    expect(new Scope(['230108001002', '230108001', '230108002'], 'sqlite').roots).toEqual([
      '230108001',
      '230108002',
    ]);
  });

  it('includes exactly the subtrees of its roots', () => {
    const scope = new Scope(['230108001002'], 'postgres');
    expect(scope.includes('230108001002')).toBe(true);
    expect(scope.includes('23010800100201001')).toBe(true);
    expect(scope.includes('230108001003')).toBe(false);
    expect(scope.includes('230108001')).toBe(false);
  });

  it('narrows to a region without ever widening', () => {
    const street = new Scope(['230108001'], 'sqlite');
    expect(street.narrowedTo('230108001002').roots).toEqual(['230108001002']);
    expect(street.narrowedTo('230108').roots).toEqual(['230108001']);
    expect(street.narrowedTo('230108002').isEmpty).toBe(true);
  });

  it('is empty without roots and refuses anything that is not a code', () => {
    expect(new Scope([], 'sqlite').isEmpty).toBe(true);
    expect(() => new Scope(['2301%'], 'sqlite')).toThrow();
    expect(() => new Scope(["1' or '1'='1"], 'postgres')).toThrow();
  });

  it('bounds a prefix of digits by the least code above its subtree', () => {
    expect(codeRangeEnd('230108')).toBe('230109');
    expect(codeRangeEnd('2301099')).toBe('23011');
    expect(codeRangeEnd('230108001009')).toBe('23010800101');
    expect(codeRangeEnd('99')).toBeUndefined();
    // Every code of the subtree lies in [prefix, end), and a neighbour's does not.
    for (const code of ['2301099', '23010990', '2301099999']) {
      expect(code >= '2301099' && code < '23011').toBe(true);
    }
    expect('2301100' < '23011').toBe(false);
  });
});
