import { describe, expect, it } from 'vitest';
import { formatArticleTable, width } from './article-table.js';

describe('the article table on a terminal', () => {
  it('counts CJK as two columns and the dash as one', () => {
    expect(width('党员')).toBe(4);
    expect(width('—')).toBe(1);
    expect(width('1,234')).toBe(5);
    expect(width('（人）')).toBe(6);
  });

  it('ends every row of a column at the same place, dashes included', () => {
    const row = (indicator: string, name: string, platform: number | null, scaled: number | null) => ({
      indicator,
      name,
      nameEn: name,
      quote: '',
      article: 2000,
      scaled,
      platform,
      difference: platform === null ? null : 0,
    });
    const table = formatArticleTable({
      district: { code: '230108', name: '平房区' },
      population: { persons: 5000, households: 2000, workOrders: 300 },
      rows: [
        row('warm_groups', '党群温馨小组', 50, 50),
        row('hotlines', '民生服务热线', null, null),
        row('deeds', '为民办实事', 1234, 1200),
      ],
    } as Parameters<typeof formatArticleTable>[0]);
    const lines = table.trim().split('\n').slice(1);
    const widths = new Set(lines.map(width));
    expect(widths.size).toBe(1);
  });
});
