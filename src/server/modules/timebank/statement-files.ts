import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { TRANSFER_KIND_LABELS } from '../../../shared/api/timebank.js';
import { formatBeijing } from '../../../shared/beijing-time.js';
import { neutralizeFormula } from '../../../shared/spreadsheet-cell.js';
import { type Language, type MessageCode, translate } from '../../i18n/messages.js';
import { drawPdfTable, PDF_INK, PDF_MUTED } from '../../pdf/pdf-table.js';
import type { FontChoice } from '../cockpit/index.js';
import type { Statement } from './statements.service.js';
import type { OwnerKind } from './timebank.tables.js';

/** A statement as an Excel workbook and as an A4 PDF, in Chinese or English. */

const OWNER_KIND_LABELS: Readonly<Record<OwnerKind, { zh: string; en: string }>> = {
  person: { zh: '个人', en: 'Person' },
  household: { zh: '家庭', en: 'Household' },
  organization: { zh: '组织', en: 'Organization' },
  fund: { zh: '社区爱心基金', en: 'Community fund' },
  escrow: { zh: '互助托管', en: 'Escrow' },
  issuance: { zh: '发行', en: 'Issuance' },
};

const texts = (language: Language) => (code: MessageCode, params?: Record<string, unknown>) =>
  translate(code, language, params);

const monthLabel = (month: string, language: Language) =>
  translate('timebank.statement_month', language, { year: month.slice(0, 4), month: month.slice(5) });

/** A file name without characters a file system or a header would choke on. */
export function statementFileNames(statement: Statement, format: 'xlsx' | 'pdf') {
  const safe = statement.account.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return {
    ascii: `statement-${statement.month}.${format}`,
    name: `${safe}-爱心银行对账单-${statement.month}.${format}`,
  };
}

/**
 * Two sheets: the summary (account, month, opening, in, out, closing) and the rows with their
 * running balance. Figures stay numbers; names and memos typed by people never start a formula.
 */
export async function statementWorkbook(statement: Statement, language: Language): Promise<Buffer> {
  const t = texts(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin';
  const summary = workbook.addWorksheet(t('timebank.statement_summary'));
  summary.columns = [{ width: 18 }, { width: 36 }];
  summary.addRow([t('timebank.statement_title')]).font = { bold: true, size: 14 };
  summary.addRows([
    [t('timebank.statement_account'), neutralizeFormula(statement.account.name)],
    [t('timebank.statement_kind'), OWNER_KIND_LABELS[statement.account.kind][language]],
    [t('timebank.statement_region'), statement.account.regionCode],
    [t('timebank.statement_period'), statement.month],
    [t('timebank.statement_opening'), statement.opening],
    [t('timebank.statement_credits'), statement.credits],
    [t('timebank.statement_debits'), statement.debits],
    [t('timebank.statement_closing'), statement.closing],
    [t('timebank.statement_generated', { at: formatBeijing(statement.generatedAt) })],
  ]);

  const lines = workbook.addWorksheet(t('timebank.statement_lines'));
  lines.columns = [
    { header: t('timebank.col_time'), width: 18 },
    { header: t('timebank.col_kind'), width: 16 },
    { header: t('timebank.col_counterparty'), width: 24 },
    { header: t('timebank.col_memo'), width: 28 },
    { header: t('timebank.col_minutes'), width: 14 },
    { header: t('timebank.col_balance'), width: 14 },
  ];
  lines.getRow(1).font = { bold: true };
  lines.views = [{ state: 'frozen', ySplit: 1 }];
  for (const line of statement.lines) {
    lines.addRow([
      formatBeijing(line.at),
      TRANSFER_KIND_LABELS[line.kind][language],
      neutralizeFormula(line.counterparty),
      neutralizeFormula(line.memo),
      line.minutes,
      line.balance,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MARGIN = 48;
const INK = PDF_INK;
const MUTED = PDF_MUTED;

/** The columns of the PDF's table, by relative width. */
const COLUMNS = [
  { code: 'timebank.col_time', width: 17, align: 'left' },
  { code: 'timebank.col_kind', width: 14, align: 'left' },
  { code: 'timebank.col_counterparty', width: 20, align: 'left' },
  { code: 'timebank.col_memo', width: 23, align: 'left' },
  { code: 'timebank.col_minutes', width: 13, align: 'right' },
  { code: 'timebank.col_balance', width: 13, align: 'right' },
] as const;

/**
 * The statement as a printed bank statement: title, account and month, the opening balance, one
 * table row per ledger row (continued on the next page with its header), the month's totals and
 * the closing balance. A4, the Chinese font embedded (a subset).
 */
export function statementPdf(statement: Statement, font: FontChoice, language: Language): Promise<Buffer> {
  const t = texts(language);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: `${t('timebank.statement_title')} ${statement.month}`,
      Author: 'Lianxin',
      Creator: 'Lianxin',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.name ?? '');
  doc.font('cjk');
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const unit = t('timebank.statement_unit');

  doc
    .fillColor(INK)
    .fontSize(18)
    .text(t('timebank.statement_title'), MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('timebank.statement_generated', { at: formatBeijing(statement.generatedAt) }), {
      width,
      align: 'center',
    });
  doc.moveDown(1);
  doc.fontSize(11).fillColor(INK);
  const colon = language === 'zh' ? '：' : ': ';
  const field = (code: MessageCode, value: string) =>
    doc.text(`${t(code)}${colon}${value}`, MARGIN, doc.y, { width });
  field('timebank.statement_account', statement.account.name);
  field('timebank.statement_kind', OWNER_KIND_LABELS[statement.account.kind][language]);
  field('timebank.statement_region', statement.account.regionCode);
  field('timebank.statement_period', monthLabel(statement.month, language));
  field('timebank.statement_opening', `${statement.opening} ${unit}`);
  doc.moveDown(0.8);

  const rowHeight = 18;
  let y = drawPdfTable(
    doc,
    { left: MARGIN, width, pageTop: MARGIN, bottom },
    COLUMNS.map((column) => ({ header: t(column.code), width: column.width, align: column.align })),
    statement.lines.map((line) => ({
      cells: [
        formatBeijing(line.at),
        TRANSFER_KIND_LABELS[line.kind][language],
        line.counterparty,
        line.memo,
        line.minutes > 0 ? `+${line.minutes}` : String(line.minutes),
        String(line.balance),
      ],
    })),
  );
  if (statement.lines.length === 0) {
    doc
      .fontSize(9)
      .fillColor(MUTED)
      .text(t('timebank.statement_none'), MARGIN + 4, y + 5, { width });
    y += rowHeight;
  }
  if (y + 4 * 16 > bottom) {
    doc.addPage();
    y = MARGIN;
  }
  doc.fontSize(11).fillColor(INK);
  doc.text(t('timebank.statement_rows', { count: statement.lines.length }), MARGIN, y + 10, { width });
  field('timebank.statement_credits', `${statement.credits} ${unit}`);
  field('timebank.statement_debits', `${statement.debits} ${unit}`);
  field('timebank.statement_closing', `${statement.closing} ${unit}`);
  doc.end();
  return done;
}
