import { describe, expect, it } from 'vitest';
import { Scope } from './scope.js';

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
});
