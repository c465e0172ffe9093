import ExcelJS from 'exceljs';
import { type Disclosure, FUND_SOURCES, SPENDING_KINDS } from '../../../shared/api/funds.js';
import type { Scope } from '../../auth/scope.js';
import { notFound } from '../../http/errors.js';
import type { ServiceContext } from '../../services.js';
import { ledgerRepository } from './ledger.repository.js';
import { organizationIn } from './ledger.service.js';
import { statementOf } from './statements.service.js';

/** The annual report (Excel) and the public disclosure (党务公开) of one organization's ledger. */

export const SPENDING_LABELS: Record<(typeof SPENDING_KINDS)[number], string> = {
  award: '表彰奖励',
  consolation: '困难党员慰问',
  allowance: '补贴（村书记报酬等）',
  activity: '党员活动',
  transfer_out: '拨付下级',
  other: '其他',
};
export const FUND_LABELS: Record<(typeof FUND_SOURCES)[number], string> = {
  fiscal: '财政拨款（党建工作经费）',
  dues: '党费',
  donation: '捐赠',
  general: '其他（上级拨入等）',
};

/**
 * What anybody may read of an organization's year: income per fund, spending per kind, how many
 * members consolation reached, the balance of its money accounts, and through which month the books
 * are closed. No names, no amounts per person. An unknown organization is a 404.
 */
export async function disclosureOf(
  ctx: ServiceContext,
  organizationId: string,
  year: number,
): Promise<Disclosure> {
  const { db } = ctx.database;
  const org = await ledgerRepository.organizationById(db, organizationId);
  if (!org) throw notFound('fund.organization_not_found');
  const y = String(year);
  const accounts = await ledgerRepository.accounts(db, org.id);
  const sums = await ledgerRepository.postedSums(db, org.id, `${y}-01`, `${y}-12`);
  const incomeByFund = FUND_SOURCES.map((fund) => ({
    fund,
    amountFen: accounts
      .filter((a) => a.type === 'income' && a.fund === fund)
      .reduce((sum, a) => {
        const row = sums.find((r) => r.account_id === a.id);
        return sum + Number(row?.credit ?? 0) - Number(row?.debit ?? 0);
      }, 0),
  }));
  const spending = await ledgerRepository.spendingByKind(db, org.id, y);
  const closed = await ledgerRepository.closedPeriods(db, org.id);
  return {
    organizationName: org.name,
    year,
    incomeByFund,
    spendingByKind: SPENDING_KINDS.map((kind) => {
      const row = spending.find((r) => r.spending_kind === kind);
      return { kind, amountFen: Number(row?.amount ?? 0), vouchers: Number(row?.n ?? 0) };
    }),
    consoledMembers: await ledgerRepository.consoledMembers(db, org.id, y),
    balanceFen: accounts.filter((a) => a.type === 'asset').reduce((sum, a) => sum + Number(a.balance_fen), 0),
    closedThrough: closed[0]?.period ?? null,
  };
}

/** The annual report: account balances of the year, income and spending by month, the vouchers. */
export async function annualWorkbook(
  ctx: ServiceContext,
  scope: Scope,
  organizationId: string,
  year: number,
): Promise<{ name: string; content: Buffer }> {
  const { db } = ctx.database;
  const org = await organizationIn(db, scope, organizationId);
  const y = String(year);
  const statement = await statementOf(ctx, scope, org.id, { from: `${y}-01`, to: `${y}-12` });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin';
  const head = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const money = (fen: number) => fen / 100;

  const balances = workbook.addWorksheet('科目余额表');
  balances.columns = [
    { header: '科目编码', width: 10 },
    { header: '科目名称', width: 28 },
    { header: '年初余额（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '本年借方（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '本年贷方（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '年末余额（元）', width: 16, style: { numFmt: '#,##0.00' } },
  ];
  for (const r of statement.rows)
    balances.addRow([
      r.code,
      r.name,
      money(r.openingFen),
      money(r.debitFen),
      money(r.creditFen),
      money(r.closingFen),
    ]);
  head(balances);

  const monthly = workbook.addWorksheet('月度收支');
  monthly.columns = [
    { header: '月份', width: 10 },
    { header: '收入（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '支出（元）', width: 16, style: { numFmt: '#,##0.00' } },
  ];
  const accounts = await ledgerRepository.accounts(db, org.id);
  for (let m = 1; m <= 12; m += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const sums = await ledgerRepository.postedSums(db, org.id, month, month);
    const of = (type: 'income' | 'expense') =>
      accounts
        .filter((a) => a.type === type)
        .reduce((sum, a) => {
          const row = sums.find((s) => s.account_id === a.id);
          const net = Number(row?.debit ?? 0) - Number(row?.credit ?? 0);
          return sum + (type === 'expense' ? net : -net);
        }, 0);
    monthly.addRow([month, money(of('income')), money(of('expense'))]);
  }
  head(monthly);

  const disclosure = await disclosureOf(ctx, org.id, year);
  const kinds = workbook.addWorksheet('支出分类');
  kinds.columns = [
    { header: '支出类别', width: 24 },
    { header: '金额（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '凭证数', width: 10 },
  ];
  for (const k of disclosure.spendingByKind)
    kinds.addRow([SPENDING_LABELS[k.kind], money(k.amountFen), k.vouchers]);
  kinds.addRow(['慰问困难党员（人）', disclosure.consoledMembers, null]);
  head(kinds);

  const list = workbook.addWorksheet('凭证清单');
  list.columns = [
    { header: '凭证号', width: 16 },
    { header: '日期', width: 12 },
    { header: '摘要', width: 40 },
    { header: '金额（元）', width: 16, style: { numFmt: '#,##0.00' } },
    { header: '制单', width: 12 },
    { header: '审批', width: 12 },
  ];
  for (const v of await ledgerRepository.postedOfYear(db, org.id, y))
    list.addRow([
      v.number,
      v.voucher_date,
      v.summary,
      money(Number(v.total_fen)),
      v.made_by_name,
      v.approved_by_name,
    ]);
  head(list);

  return {
    name: `${org.name}-${y}年度经费报表.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
