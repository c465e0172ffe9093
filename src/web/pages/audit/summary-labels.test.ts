import { describe, expect, it } from 'vitest';
import { readableSummary } from './summary-labels';

describe('readable audit summaries', () => {
  it('labels the keys it knows and keeps the order written', () => {
    expect(readableSummary({ name: '第一网格', changed: ['name', 'sort'], knownUser: false }, 'zh')).toBe(
      '名称：第一网格；修改项：name、sort；账户存在：否',
    );
    expect(readableSummary({ number: 'GD-1', from: 'received', to: 'dispatched' }, 'en')).toBe(
      'number: GD-1; from: received; to: dispatched',
    );
    expect(readableSummary({ custom: { a: 1 } }, 'en')).toBe('custom: {"a":1}');
  });
});
