import PDFDocument from 'pdfkit';
import { formatBeijing } from '../../../shared/beijing-time.js';
import { type Language, type MessageCode, translate } from '../../i18n/messages.js';
import {
  drawPdfTable,
  PDF_INK,
  PDF_LINE,
  PDF_MUTED,
  type PdfColumn,
  type PdfRow,
} from '../../pdf/pdf-table.js';
import type { CockpitView } from './cockpit.service.js';
import { formatValue, nodeName, type OverdueRow, statusLabel } from './cockpit-export.js';
import { INDICATORS, indicatorByCode } from './indicators.js';
import type { FontChoice } from './report-font.js';

/** The monthly report's content: twelve months up to the month, the month alone, the overdue list. */
export interface ReportInput {
  /** Twelve months ending with the report's month (trends; stock figures of now). */
  year: CockpitView;
  /** The report's month alone (the children's figures for that month). */
  month: CockpitView;
  overdue: readonly OverdueRow[];
  /** How many orders are overdue in all (the list may be cut). */
  overdueTotal: number;
  generatedAt: string;
}

const PAGE_MARGIN = 48;
const INK = PDF_INK;
const MUTED = PDF_MUTED;
const RED = '#d4380d';
const BLUE = '#1677ff';
const GREEN = '#52c41a';
const ORANGE = '#fa8c16';

/** Indicators of the children table: the ones a weekly meeting talks about. */
const CHILD_COLUMNS = [
  'wo_received',
  'wo_closed',
  'wo_on_time_rate',
  'wo_satisfaction_rate',
  'wo_overdue_now',
  'care_coverage',
] as const;

/**
 * The monthly report of a region as a secretary prints it for the weekly meeting: the indicators
 * of the month against the month before, twelve months of orders in a chart, the child regions,
 * and the orders overdue now. A4, the Chinese font embedded (subset), pages numbered.
 */
export async function renderMonthlyReport(
  input: ReportInput,
  font: FontChoice,
  language: Language,
): Promise<Buffer> {
  const t = (code: MessageCode, params?: Record<string, unknown>) => translate(code, language, params);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
    bufferPages: true,
    info: { Title: '', Author: 'Lianxin', Creator: 'Lianxin' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.name ?? '');
  doc.font('cjk');

  const { year, month } = input;
  const name = nodeName(year, language);
  const monthLabel = month.months[0]!;
  const title = t('cockpit.report_title', {
    name,
    month: language === 'zh' ? `${monthLabel.slice(0, 4)}年${Number(monthLabel.slice(5))}月` : monthLabel,
  });
  doc.info.Title = title;
  const left = PAGE_MARGIN;
  const width = doc.page.width - 2 * PAGE_MARGIN;
  const bottom = () => doc.page.height - PAGE_MARGIN;

  doc.fillColor(INK).fontSize(20).text(title, left, PAGE_MARGIN, { width, align: 'center' });
  doc.moveDown(0.3);
  const trail = [...year.path.map((p) => (p.kind === 'scope' ? t('cockpit.scope') : p.name)), name].join(
    ' / ',
  );
  doc
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${trail}    ${t('cockpit.report_generated', { at: formatBeijing(input.generatedAt) })}`, {
      width,
      align: 'center',
    });
  doc.moveDown(1);

  const heading = (text: string) => {
    if (doc.y + 110 > bottom()) doc.addPage();
    doc.fontSize(13).fillColor(INK).text(text, left, doc.y, { width });
    doc.moveDown(0.4);
  };

  /** A table that continues on the next page, repeating its header. */
  const table = (columns: PdfColumn[], rows: PdfRow[]) => {
    const y = drawPdfTable(doc, { left, width, pageTop: PAGE_MARGIN, bottom: bottom() }, columns, rows);
    doc.x = left;
    doc.y = y + 10;
  };

  // 1. Indicators: this month and the month before (flows), now (stocks).
  heading(t('cockpit.report_indicators'));
  const last = year.months.length - 1;
  table(
    [
      { header: t('cockpit.col_indicator'), width: 30 },
      { header: t('cockpit.col_this_month'), width: 22, align: 'right' },
      { header: t('cockpit.col_last_month'), width: 22, align: 'right' },
      { header: t('cockpit.col_basis'), width: 26 },
    ],
    INDICATORS.map((indicator) => {
      const flow = indicator.kind === 'flow';
      const now = flow ? year.trends[indicator.code]?.[last] : year.values[indicator.code];
      const before = flow ? year.trends[indicator.code]?.[last - 1] : undefined;
      return {
        cells: [
          indicator.label[language],
          formatValue(indicator, now, language),
          flow ? formatValue(indicator, before, language) : '',
          flow ? monthLabel : t('cockpit.basis_now'),
        ],
        ...(indicator.code === 'wo_overdue_now' && (now ?? 0) > 0 ? { color: RED } : {}),
      };
    }),
  );

  // 2. Twelve months of orders: received and closed (bars), satisfaction and on-time (lines).
  heading(t('cockpit.report_trend'));
  if (doc.y + 200 > bottom()) doc.addPage();
  const chartTop = doc.y;
  drawTrendChart(doc, { x: left, y: chartTop, width, height: 190 }, year, language);
  doc.x = left;
  doc.y = chartTop + 204;

  // 3. Child regions in the month.
  if (month.children.length > 0) {
    heading(t('cockpit.report_children'));
    const indicators = CHILD_COLUMNS.map((code) => indicatorByCode.get(code)!);
    table(
      [
        { header: t('cockpit.col_region'), width: 24 },
        ...indicators.map((indicator) => ({
          header: indicator.label[language],
          width: 14,
          align: 'right' as const,
        })),
      ],
      month.children.map((child) => ({
        cells: [
          child.name,
          ...indicators.map((indicator) => formatValue(indicator, child.values[indicator.code], language)),
        ],
      })),
    );
    const satisfaction = month.rankings.wo_satisfaction_rate;
    if (satisfaction?.best && satisfaction.worst) {
      const indicator = indicatorByCode.get('wo_satisfaction_rate')!;
      doc
        .fontSize(9)
        .fillColor(MUTED)
        .text(
          `${indicator.label[language]} — ${t('cockpit.report_best_worst', {
            best: `${satisfaction.best.name} ${formatValue(indicator, satisfaction.best.value, language)}`,
            worst: `${satisfaction.worst.name} ${formatValue(indicator, satisfaction.worst.value, language)}`,
          })}`,
          left,
          doc.y,
          { width },
        );
      doc.moveDown(1);
    }
  }

  // 4. Orders overdue now, most overdue first.
  heading(t('cockpit.report_overdue'));
  if (input.overdue.length === 0) {
    doc.fontSize(10).fillColor(MUTED).text(t('cockpit.report_no_overdue'), left, doc.y, { width });
  } else {
    table(
      [
        { header: t('cockpit.col_number'), width: 17 },
        { header: t('cockpit.col_category'), width: 18 },
        { header: t('cockpit.col_place'), width: 20 },
        { header: t('cockpit.col_holder'), width: 18 },
        { header: t('cockpit.col_status'), width: 11 },
        { header: t('cockpit.col_due'), width: 17 },
      ],
      input.overdue.map((order) => ({
        cells: [
          order.number,
          order.category_name,
          order.place_name ?? order.region_code,
          order.holder_name ?? '',
          statusLabel(order.status, language),
          formatBeijing(order.due_at),
        ],
        color: RED,
      })),
    );
    if (input.overdueTotal > input.overdue.length) {
      doc
        .fontSize(9)
        .fillColor(MUTED)
        .text(
          t('cockpit.report_overdue_more', { count: input.overdueTotal - input.overdue.length }),
          left,
          doc.y,
          {
            width,
          },
        );
    }
  }

  // Page numbers: "2 / 3" at the foot of each page (inside the bottom margin: no page break).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${i + 1} / ${range.count}`, left, doc.page.height - PAGE_MARGIN + 16, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

/** Bars of orders received and closed per month, lines of satisfaction and on-time rates (0–100%). */
function drawTrendChart(
  doc: PDFKit.PDFDocument,
  box: { x: number; y: number; width: number; height: number },
  view: CockpitView,
  language: Language,
): void {
  const received = view.trends.wo_received ?? [];
  const closed = view.trends.wo_closed ?? [];
  const satisfaction = view.trends.wo_satisfaction_rate ?? [];
  const onTime = view.trends.wo_on_time_rate ?? [];
  const legendHeight = 16;
  const plot = {
    x: box.x + 36,
    y: box.y + legendHeight + 6,
    width: box.width - 72,
    height: box.height - legendHeight - 30,
  };
  const top = Math.max(1, ...received.map((v) => v ?? 0), ...closed.map((v) => v ?? 0));
  const step = niceStep(top / 4);
  const max = step * 4;

  // Legend.
  const legend: [string, string, 'bar' | 'line'][] = [
    [indicatorByCode.get('wo_received')!.label[language], BLUE, 'bar'],
    [indicatorByCode.get('wo_closed')!.label[language], GREEN, 'bar'],
    [indicatorByCode.get('wo_satisfaction_rate')!.label[language], ORANGE, 'line'],
    [indicatorByCode.get('wo_on_time_rate')!.label[language], RED, 'line'],
  ];
  let lx = plot.x;
  doc.fontSize(8);
  for (const [label, color, kind] of legend) {
    if (kind === 'bar') doc.rect(lx, box.y + 3, 10, 7).fill(color);
    else
      doc
        .moveTo(lx, box.y + 6.5)
        .lineTo(lx + 10, box.y + 6.5)
        .lineWidth(1.5)
        .strokeColor(color)
        .stroke();
    doc.fillColor(MUTED).text(label, lx + 14, box.y + 1, { lineBreak: false });
    lx += 14 + doc.widthOfString(label) + 16;
  }

  // Grid and axes: counts on the left, percent on the right.
  for (let i = 0; i <= 4; i++) {
    const y = plot.y + plot.height - (plot.height * i) / 4;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.5)
      .strokeColor(PDF_LINE)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(String(step * i), box.x, y - 4, { width: 32, align: 'right', lineBreak: false })
      .text(`${25 * i}%`, plot.x + plot.width + 4, y - 4, { width: 32, lineBreak: false });
  }
  const slot = plot.width / view.months.length;
  const barWidth = Math.min(12, slot / 3);
  view.months.forEach((month, i) => {
    const cx = plot.x + slot * (i + 0.5);
    const bar = (value: number | null | undefined, dx: number, color: string) => {
      const h = ((value ?? 0) / max) * plot.height;
      if (h > 0) doc.rect(cx + dx, plot.y + plot.height - h, barWidth, h).fill(color);
    };
    bar(received[i], -barWidth - 1, BLUE);
    bar(closed[i], 1, GREEN);
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(month.slice(2).replace('-', '.'), cx - slot / 2, plot.y + plot.height + 4, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
  });
  const line = (values: readonly (number | null)[], color: string) => {
    if (values.every((value) => value === null || value === undefined)) return;
    let drawing = false;
    values.forEach((value, i) => {
      if (value === null || value === undefined) {
        drawing = false;
        return;
      }
      const x = plot.x + slot * (i + 0.5);
      const y = plot.y + plot.height - (value / 100) * plot.height;
      if (drawing) doc.lineTo(x, y);
      else doc.moveTo(x, y);
      drawing = true;
    });
    doc.lineWidth(1.5).strokeColor(color).stroke();
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      doc
        .circle(plot.x + slot * (i + 0.5), plot.y + plot.height - (value / 100) * plot.height, 2)
        .fill(color);
    });
  };
  line(satisfaction, ORANGE);
  line(onTime, RED);
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}
