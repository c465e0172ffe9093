import { describe, expect, it } from 'vitest';
import { normalizeCell } from '../server/modules/register/index.js';
import { neutralizeFormula, restoreFormulaText, safeCell } from './spreadsheet-cell.js';

describe('formula-like cells in exports', () => {
  it('puts an apostrophe before text a spreadsheet would run, and nowhere else', () => {
    for (const text of ['=1+2', '+86 138', '-1', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ['张三', '哈尔滨市平房区友协大街18号', '', "'quoted", '1=1'])
      expect(neutralizeFormula(text)).toBe(text);
    expect(safeCell(42)).toBe(42);
    expect(safeCell(null)).toBe(null);
  });

  it('takes the apostrophe off again when the file is imported, so a round trip keeps the value', () => {
    for (const text of ['=HYPERLINK("x")', '+1+2', '-5', '@me']) {
      expect(restoreFormulaText(neutralizeFormula(text))).toBe(text);
      expect(normalizeCell(neutralizeFormula(text))).toBe(text);
    }
    // Text that merely starts with an apostrophe is someone's own: left alone.
    expect(restoreFormulaText("'张三")).toBe("'张三");
    expect(restoreFormulaText("'")).toBe("'");
  });
});
