import { describe, expect, it } from 'vitest';
import { chineseName, seededRandom } from '../../fixtures/resident-rows.js';
import { namePinyin, segmentedNamePinyin } from './person-fields.js';

describe('namePinyin', () => {
  it('reads surnames as surnames and polyphonic names in context', () => {
    expect(namePinyin('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('单田芳').full).toBe('shantianfang');
    expect(namePinyin('曾国藩').full).toBe('zengguofan');
    expect(namePinyin('吕洞宾').full).toBe('lvdongbin');
    expect(namePinyin('Anna 李')).toEqual(segmentedNamePinyin('Anna 李'));
  });

  it('reads character by character exactly as the segmented reading, for every CJK character', () => {
    const differing: string[] = [];
    for (let code = 0x4e00; code <= 0x9fa5; code++) {
      const char = String.fromCharCode(code);
      for (const name of [char, `王${char}`, `${char}伟`, `欧阳${char}华`]) {
        const fast = namePinyin(name);
        const segmented = segmentedNamePinyin(name);
        if (fast.full !== segmented.full || fast.initials !== segmented.initials) differing.push(name);
      }
    }
    expect(differing).toEqual([]);
  });

  it('agrees with the segmented reading on generated names', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const name = chineseName(random);
      expect(namePinyin(name)).toEqual(segmentedNamePinyin(name));
    }
  });
});
