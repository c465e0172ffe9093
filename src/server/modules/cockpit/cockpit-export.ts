import ExcelJS from 'exceljs';
import { formatBeijing } from '../../../shared/beijing-time.js';
import { neutralizeFormula } from '../../../shared/spreadsheet-cell.js';
import { STATUS_LABELS, type WorkOrderStatus } from '../../../shared/work-orders.js';
import { type Language, translate } from '../../i18n/messages.js';
import type { cockpitRepository } from './cockpit.repository.js';
import type { CockpitView } from './cockpit.service.js';
import { INDICATORS, type IndicatorDef } from './indicators.js';

export type OverdueRow = Awaited<ReturnType<typeof cockpitRepository.overdueOrders>>[number];

/** An indicator's heading with its unit: 群众满意率（%）. */
export function headingOf(indicator: IndicatorDef, language: Language): string {
  const unit = translate(`cockpit.unit_${indicator.unit}`, language);
  const label = indicator.label[language];
  if (!unit) return label;
  return language === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** A value as people read it: 4,138 · 96.5% · 12.3 小时 · — for "not defined". */
export function formatValue(
  indicator: IndicatorDef,
  value: number | null | undefined,
  language: Language,
): string {
  if (value === null || value === undefined) return '—';
  if (indicator.unit === 'percent') return `${value}%`;
  if (indicator.unit === 'hours') return `${value} ${translate('cockpit.unit_hours', language)}`;
  if (indicator.unit === 'yuan') return `¥${value.toLocaleString('en-US')}`;
  return value.toLocaleString('en-US');
}

export const statusLabel = (status: string, language: Language) =>
  STATUS_LABELS[status as WorkOrderStatus]?.[language] ?? status;

export const nodeName = (view: CockpitView, language: Language) =>
  view.node.kind === 'scope' ? translate('cockpit.scope', language) : view.node.name;

/**
 * Every table of the cockpit in one workbook: the place's indicators, its child regions with each
 * indicator, the monthly trend, and the orders overdue now. Numbers stay numbers (sortable).
 */
export async function cockpitWorkbook(
  view: CockpitView,
  overdue: readonly OverdueRow[],
  language: Language,
): Promise<Buffer> {
  const t = (code: Parameters<typeof translate>[0], params?: Record<string, unknown>) =>
    translate(code, language, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin';
  const bold = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const basis = t('cockpit.basis_months', { from: view.months[0], to: view.months.at(-1) });

  const indicators = workbook.addWorksheet(t('cockpit.sheet_indicators'));
  indicators.columns = [
    { header: t('cockpit.col_indicator'), width: 22 },
    { header: t('cockpit.col_value'), width: 14 },
    { header: t('cockpit.col_unit'), width: 10 },
    { header: t('cockpit.col_basis'), width: 26 },
    { header: t('cockpit.col_interval'), width: 16 },
  ];
  for (const indicator of INDICATORS) {
    const interval = view.intervals[indicator.code];
    indicators.addRow([
      indicator.label[language],
      view.values[indicator.code] ?? null,
      t(`cockpit.unit_${indicator.unit}`),
      indicator.kind === 'stock' ? t('cockpit.basis_now') : basis,
      interval ? `${interval.low}–${interval.high}` : null,
    ]);
  }
  bold(indicators);

  const children = workbook.addWorksheet(t('cockpit.sheet_children'));
  children.columns = [
    { header: t('cockpit.col_region'), width: 20 },
    { header: t('cockpit.col_code'), width: 18 },
    ...INDICATORS.map((indicator) => ({ header: headingOf(indicator, language), width: 14 })),
  ];
  for (const child of view.children) {
    children.addRow([
      // Names are typed by administrators: never a cell a spreadsheet would run as a formula.
      neutralizeFormula(child.name),
      child.code,
      ...INDICATORS.map((indicator) => child.values[indicator.code] ?? null),
    ]);
  }
  bold(children);

  const flows = INDICATORS.filter((indicator) => indicator.kind === 'flow');
  const trends = workbook.addWorksheet(t('cockpit.sheet_trends'));
  trends.columns = [
    { header: t('cockpit.col_month'), width: 10 },
    ...flows.map((indicator) => ({ header: headingOf(indicator, language), width: 14 })),
  ];
  view.months.forEach((month, i) => {
    trends.addRow([month, ...flows.map((indicator) => view.trends[indicator.code]?.[i] ?? null)]);
  });
  bold(trends);

  const late = workbook.addWorksheet(t('cockpit.sheet_overdue'));
  late.columns = [
    { header: t('cockpit.col_number'), width: 16 },
    { header: t('cockpit.col_category'), width: 16 },
    { header: t('cockpit.col_place'), width: 18 },
    { header: t('cockpit.col_holder'), width: 18 },
    { header: t('cockpit.col_status'), width: 10 },
    { header: t('cockpit.col_received'), width: 18 },
    { header: t('cockpit.col_due'), width: 18 },
    { header: t('cockpit.col_urged'), width: 8 },
    { header: t('cockpit.col_supervised'), width: 8 },
  ];
  for (const order of overdue) {
    late.addRow([
      order.number,
      neutralizeFormula(order.category_name),
      neutralizeFormula(order.place_name ?? order.region_code),
      neutralizeFormula(order.holder_name ?? ''),
      statusLabel(order.status, language),
      formatBeijing(order.created_at),
      formatBeijing(order.due_at),
      Number(order.urge_count),
      order.supervised === 1 ? t('cockpit.yes') : '',
    ]);
  }
  bold(late);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
