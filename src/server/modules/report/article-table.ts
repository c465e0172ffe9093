import type { ArticleReport } from './article-report.js';

/**
 * East Asian wide and full-width characters (CJK, Hangul, full-width forms) take two columns in a
 * terminal; everything else one — including the dash "—", which a wider range counted as two and
 * so pushed every row with it out of line.
 */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/** Display width of a string in a terminal. */
export const width = (text: string) => [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
const padEnd = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
const padStart = (text: string, columns: number) => ' '.repeat(Math.max(0, columns - width(text))) + text;

/** The article report as a plain-text table for the console (`lianxin report article`). */
export function formatArticleTable(report: ArticleReport): string {
  const header = ['指标 indicator', '文章 article', '折算 scaled', '平台 platform', '差异 difference'];
  const lines = report.rows.map((row) => {
    const isRank = row.indicator === 'satisfaction_rank';
    const platform =
      row.platform === null ? '—' : isRank ? `${row.platform}/${row.of}` : row.platform.toLocaleString('en');
    const difference =
      row.difference === null
        ? '—'
        : isRank
          ? String(row.difference)
          : `${row.difference > 0 ? '+' : ''}${row.difference.toFixed(1)}%`;
    const scaled = row.scaled === null ? '—' : row.scaled.toLocaleString('en');
    return [
      row.name,
      isRank ? `${row.article}/8` : row.article.toLocaleString('en'),
      scaled,
      platform,
      difference,
    ];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i]!))));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ');
  const { persons, households, workOrders } = report.population;
  return [
    `${report.district.name} ${report.district.code}: ${persons.toLocaleString('en')} residents, ${households.toLocaleString('en')} households, ${workOrders.toLocaleString('en')} work orders`,
    format(header),
    ...lines.map(format),
    '',
  ].join('\n');
}
