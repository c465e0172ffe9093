import ExcelJS from 'exceljs';
import { safeCell } from '../../../shared/spreadsheet-cell.js';
import { maskIdNumber } from '../../../shared/validators/index.js';
import type { ServiceContext } from '../../services.js';
import type { CollectiveRow } from './collectives.repository.js';
import type { DividendRunRow } from './dividends.repository.js';
import { dividendsRepository } from './dividends.repository.js';

const yuan = (fen: number) => Math.round(fen) / 100;
const PAGE = 1000;

/**
 * The payout list of a dividend run (分红发放表) as .xlsx: one row per shareholder with shares and
 * amount in yuan, then the run's totals (income, retained, paid). ID numbers are masked unless
 * `reveal` (checked and audited by the caller).
 */
export async function writePayoutWorkbook(
  ctx: ServiceContext,
  file: string,
  collective: CollectiveRow,
  run: DividendRunRow,
  reveal: boolean,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${run.year}年分红`);
  sheet.columns = [
    { header: '序号', width: 8 },
    { header: '姓名', width: 14 },
    { header: '身份证号', width: 22 },
    { header: '股数', width: 10 },
    { header: '分红金额（元）', width: 16 },
  ];
  let seq = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await dividendsRepository.payouts(ctx.database.db, run.id, after, PAGE);
    for (const row of rows.slice(0, PAGE)) {
      seq += 1;
      const anonymized = row.status === 'anonymized';
      const idNumber = anonymized ? '' : ctx.crypto.decrypt('person.id_number', row.id_number_enc);
      sheet.addRow([
        seq,
        safeCell(anonymized ? '' : row.name),
        reveal ? idNumber : idNumber && maskIdNumber(idNumber),
        row.shares,
        yuan(Number(row.amount_fen)),
      ]);
    }
    if (rows.length <= PAGE) break;
    after = rows[PAGE - 1]!.person_id;
  }
  sheet.getColumn(5).numFmt = '#,##0.00';
  sheet.addRow([]);
  const total = (label: string, fen: number) => sheet.addRow(['', label, '', '', yuan(fen)]);
  total(`${collective.name} ${run.year} 年度收入`, Number(run.income_fen));
  total(`集体提留（${run.retention_bp / 100}% 及不可分尾数）`, Number(run.retained_fen));
  total(
    `分红合计（每股 ${yuan(Number(run.per_share_fen))} 元 × ${run.total_shares} 股）`,
    Number(run.paid_fen),
  );
  await workbook.xlsx.writeFile(file);
}
