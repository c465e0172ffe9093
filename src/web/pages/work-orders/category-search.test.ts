import { describe, expect, it } from 'vitest';
import type { ServiceCategory } from '../../api/service-catalogue';
import { choiceMatches, leafChoices } from './category-search';

const category = (code: string, name: string, overrides: Partial<ServiceCategory> = {}): ServiceCategory => ({
  code,
  parentCode: code.includes('.') ? code.split('.')[0]! : null,
  name,
  nameEn: '',
  description: '',
  handlerKind: 'community',
  signHours: 2,
  resolveDays: 3,
  proxy: false,
  attributes: [],
  keywords: '',
  active: true,
  sort: 0,
  districtCode: null,
  districts: [],
  ...overrides,
});

const catalogue = [
  category('livelihood', '民生求助', { sort: 1 }),
  category('livelihood.repair', '房屋维修', { sort: 2, keywords: '漏水' }),
  category('livelihood.elderly_care', '独居老人照料', { sort: 1, nameEn: 'Elderly care' }),
  category('livelihood.retired', '旧类别', { active: false }),
  category('complaint', '投诉', { sort: 2 }),
  category('complaint.service', '服务投诉', { sort: 1 }),
];

describe('leafChoices', () => {
  it('offers active leaves in catalogue order with their group', () => {
    expect(leafChoices(catalogue).map((c) => [c.category.code, c.groupName])).toEqual([
      ['livelihood.elderly_care', '民生求助'],
      ['livelihood.repair', '民生求助'],
      ['complaint.service', '投诉'],
    ]);
  });
});

describe('choiceMatches', () => {
  const [elderly, repair] = leafChoices(catalogue);
  it.each([
    ['老人', true],
    ['djlr', true],
    ['laoren', true],
    ['elderly', true],
    ['minsheng', true],
    ['维修', false],
    ['xyz', false],
  ])('独居老人照料 for %s: %s', (query, expected) => {
    expect(choiceMatches(elderly!, query)).toBe(expected);
  });
  it('finds a category by its keywords', () => {
    expect(choiceMatches(repair!, '漏水')).toBe(true);
  });
});
