import { describe, expect, it } from 'vitest';
import { regionPathCodes } from './region-path.js';

describe('regionPathCodes', () => {
  const building = '23010800100201001';
  it('starts below the reader’s own level', () => {
    expect(regionPathCodes(building, ['230108'])).toEqual([
      '230108001',
      '230108001002',
      '23010800100201',
      building,
    ]);
    expect(regionPathCodes(building, ['230108001002'])).toEqual(['23010800100201', building]);
    expect(regionPathCodes(building, ['230108001003', '230108001002'])).toEqual(['23010800100201', building]);
  });
  it('names a region at the reader’s own level by itself', () => {
    expect(regionPathCodes('230108001002', ['230108001002'])).toEqual(['230108001002']);
  });
});
