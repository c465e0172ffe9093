import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  childLengthOf,
  districtOf,
  isWithin,
  levelOf,
  parentOf,
  pathOf,
  REGION_CODE_LENGTHS,
  regionAt,
} from './region-code';

const DISTRICT = '230108';
const STREET = '230108001';
const COMMUNITY = '230108001002';
const GRID = '23010800100201';
const BUILDING = '23010800100201001';

describe('region codes', () => {
  it('knows the level of a code by its length, and no level for other lengths', () => {
    expect([DISTRICT, STREET, COMMUNITY, GRID, BUILDING].map(levelOf)).toEqual([
      'district',
      'street',
      'community',
      'grid',
      'building',
    ]);
    expect(REGION_CODE_LENGTHS).toEqual([6, 9, 12, 14, 17]);
    expect(levelOf('2301')).toBeUndefined();
    expect(levelOf('2301080')).toBeUndefined();
    expect(levelOf('')).toBeUndefined();
  });

  it('cuts a code to a coarser level, and leaves a code that is already that coarse', () => {
    expect(regionAt(BUILDING, 'grid')).toBe(GRID);
    expect(regionAt(BUILDING, 'community')).toBe(COMMUNITY);
    expect(regionAt(GRID, 'street')).toBe(STREET);
    expect(regionAt(STREET, 'grid')).toBe(STREET);
    expect(districtOf(BUILDING)).toBe(DISTRICT);
    expect(districtOf(DISTRICT)).toBe(DISTRICT);
  });

  it('gives the parent one level up, and none above a district or for a code of no level', () => {
    expect(parentOf(BUILDING)).toBe(GRID);
    expect(parentOf(GRID)).toBe(COMMUNITY);
    expect(parentOf(COMMUNITY)).toBe(STREET);
    expect(parentOf(STREET)).toBe(DISTRICT);
    expect(parentOf(DISTRICT)).toBeUndefined();
    expect(parentOf('2301080011')).toBeUndefined();
  });

  it('lists the path from the district down, with and without the code itself', () => {
    expect(pathOf(BUILDING)).toEqual([DISTRICT, STREET, COMMUNITY, GRID, BUILDING]);
    expect(pathOf(COMMUNITY)).toEqual([DISTRICT, STREET, COMMUNITY]);
    expect(pathOf(DISTRICT)).toEqual([DISTRICT]);
    expect(ancestorsOf(GRID)).toEqual([DISTRICT, STREET, COMMUNITY]);
    expect(ancestorsOf(DISTRICT)).toEqual([]);
  });

  it('knows how long the codes of a region’s children are', () => {
    expect([DISTRICT, STREET, COMMUNITY, GRID].map(childLengthOf)).toEqual([9, 12, 14, 17]);
    expect(childLengthOf(BUILDING)).toBeUndefined();
    expect(childLengthOf('')).toBeUndefined();
  });

  it('tells whether a code lies within a root (the root included) by its prefix', () => {
    expect(isWithin(BUILDING, COMMUNITY)).toBe(true);
    expect(isWithin(COMMUNITY, COMMUNITY)).toBe(true);
    expect(isWithin(STREET, COMMUNITY)).toBe(false);
    expect(isWithin('230108001003', COMMUNITY)).toBe(false);
  });
});
