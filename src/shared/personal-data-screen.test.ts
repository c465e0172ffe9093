import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPersonalData, screenPersonalData } from './personal-data-screen.js';

const screen = screenPersonalData;

describe('screenPersonalData', () => {
  describe('ID numbers', () => {
    it.each([
      ['18 digits', '身份证230108196212237919，请核实', '身份证【身份证号】，请核实'],
      ['18 digits ending in X', '证件号11010519491231002X。', '证件号【身份证号】。'],
      ['a lower-case x', '证件号11010519491231002x。', '证件号【身份证号】。'],
      ['15 digits (the old form)', '老身份证230108621223791号码', '老身份证【身份证号】号码'],
      ['full-width digits and Ｘ', '身份证１１０１０５１９４９１２３１００２Ｘ', '身份证【身份证号】'],
      ['grouped by spaces', '身份证 230108 19621223 7919 谢谢', '身份证 【身份证号】 谢谢'],
      ['grouped by dashes', '身份证230108-1962-1223-791X', '身份证【身份证号】'],
      ['right after Latin letters', 'ID230108196212237919', 'ID【身份证号】'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['a mobile', '请联系13912345678。', '请联系【电话】。'],
      ['a mobile with +86', '电话+86 139 1234 5678', '电话【电话】'],
      ['a mobile with 86 and dashes', '电话86-139-1234-5678', '电话【电话】'],
      ['a mobile in full-width digits', '手机１３９１２３４５６７８', '手机【电话】'],
      ['a mobile split by spaces', '手机 139 1234 5678 找我', '手机 【电话】 找我'],
      ['a mobile split by full-width spaces', '手机139\u30001234\u30005678', '手机【电话】'],
      ['a mobile split by full-width dashes', '手机１３９－１２３４－５６７８', '手机【电话】'],
      ['a mobile split by spaced dashes', '手机139 - 1234 - 5678', '手机【电话】'],
      ['a mobile split by dots', '手机139.1234.5678', '手机【电话】'],
      ['a landline with area code', '座机0451-86661234。', '座机【电话】。'],
      ['a landline whose area code is in brackets', '座机(010)12345678', '座机(010)【电话】'],
      ['a landline without area code', '家里电话86661234', '家里电话【电话】'],
      ['after Latin letters', 'tel13912345678', 'tel【电话】'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('email addresses', () => {
    it.each([
      ['plain', '邮箱 zhang.san@example.com 联系', '邮箱 【邮箱】 联系'],
      ['digits before @', '发到12345678@qq.com', '发到【邮箱】'],
      ['full-width @ and dot', '邮箱ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ', '邮箱【邮箱】'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('bank cards and other long numbers', () => {
    it.each([
      ['16 digits', '卡号6222021234567890', '卡号【银行卡号】'],
      ['19 digits in groups of four', '卡号 6222 0212 3456 7890 123', '卡号 【银行卡号】'],
      ['16 full-width digits with dashes', '卡号６２２２－０２１２－３４５６－７８９０', '卡号【银行卡号】'],
      ['another long number', '社保号 1234567890', '社保号 【号码】'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('addresses with building and room numbers', () => {
    it.each([
      ['road number, entrance and room', '兴建路12号3单元502', '兴建路【门牌号】'],
      ['building, entrance and room', '幸福小区3号楼2单元501室漏水', '幸福小区【门牌号】漏水'],
      ['spaced out', '住在 3 号楼 2 单元 501 室', '住在 【门牌号】'],
      ['栋 and 层', '5栋12层楼道灯坏了', '【门牌号】楼道灯坏了'],
      ['Chinese numerals', '三号楼二单元', '【门牌号】'],
      ['building-entrance-room', '家住3-2-501，', '家住【门牌号】，'],
      ['full-width digits', '３号楼２单元５０１室', '【门牌号】'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('names after a cue', () => {
    it.each([
      ['我叫', '我叫张三，电话13912345678', '我叫【姓名】，电话【电话】'],
      ['姓名：', '姓名：李四海。', '姓名：【姓名】。'],
      ['联系人', '联系人王五', '联系人【姓名】'],
      ['surname and honorific', '楼上的刘大爷一个人住', '楼上的【姓名】一个人住'],
    ])('%s', (_name, text, expected) => {
      expect(screen(text)).toBe(expected);
    });
  });

  describe('leaves ordinary text alone', () => {
    it.each([
      '楼道里的水管漏水，地面结冰很滑',
      '已经停水3天了，一共有20户受影响',
      '2026-11-26起每天晚上8点以后噪音很大',
      '从2026.11.26开始漏水',
      '温度只有16度，请尽快处理！',
      '垃圾桶满了（已拍照），请清运',
    ])('%s', (text) => {
      expect(screen(text)).toBe(text);
      expect(containsPersonalData(text)).toBe(false);
    });
  });

  it('screens everything in one text, and says that it found something', () => {
    const text =
      '我叫张三，身份证230108196212237919，手机139 1234 5678，邮箱zs@example.com，住兴建路12号3单元502';
    const screened = screen(text);
    expect(screened).toBe('我叫【姓名】，身份证【身份证号】，手机【电话】，邮箱【邮箱】，住兴建路【门牌号】');
    expect(containsPersonalData(text)).toBe(true);
    expect(containsPersonalData(screened)).toBe(false);
  });

  describe('whatever the shape it is typed in', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    /** An 18-digit ID (the check character may be X), an old 15-digit one, a mobile, a card. */
    const secret = fc.oneof(
      fc
        .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom('0', '7', 'X', 'x'))
        .map(([body, check]) => [...body, check]),
      fc.array(digit, { minLength: 15, maxLength: 15 }),
      fc
        .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.array(digit, { minLength: 9, maxLength: 9 }))
        .map(([second, rest]) => ['1', second, ...rest]),
      fc.array(digit, { minLength: 16, maxLength: 19 }).map((rest) => ['6', ...rest.slice(1)]),
    );
    const separator = fc.constantFrom('', '', '', ' ', '-', '\u3000', '－', ' - ', '.', '\u2014');
    const typed = secret.chain((chars) =>
      fc
        .tuple(
          fc.array(separator, { minLength: chars.length, maxLength: chars.length }),
          fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
        )
        .map(([separators, wide]) =>
          chars
            .map((char, i) => {
              const shown = wide[i] ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char;
              return i === 0 ? shown : `${separators[i]}${shown}`;
            })
            .join(''),
        ),
    );
    const words = fc.constantFrom('', '请联系', '身份证：', '卡号', '楼道灯坏了，', '（', 'ID', '电话', '。');

    it('leaves no digit of an ID, phone or card number in the text', () => {
      fc.assert(
        fc.property(words, typed, words, (before, number, after) => {
          const screened = screen(`${before}${number}${after}`);
          expect(screened).not.toMatch(/[0-9０-９]/);
          expect(screened).toMatch(/【(身份证号|电话|银行卡号|号码)】/);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
