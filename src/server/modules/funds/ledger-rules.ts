import type { AccountType, FundSource, SpendingKind } from '../../../shared/api/funds.js';
import { DomainError } from '../../http/errors.js';

/**
 * The rules of the double-entry ledger that need no database: which side an account's balance lies
 * on, the chart every organization's ledger opens with, and the checks a voucher's lines must pass.
 */

/** Assets and expenses grow by debits; liabilities, net assets and income by credits. */
export const debitNormal = (type: AccountType): boolean => type === 'asset' || type === 'expense';

/** A stored balance (debits − credits) shown on the account's normal side. */
export const onNormalSide = (type: AccountType, debitMinusCredit: number): number =>
  debitNormal(type) ? debitMinusCredit : -debitMinusCredit;

export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
  fund: FundSource;
  restricted: boolean;
  spendingKind?: SpendingKind;
}

/**
 * The accounts a ledger opens with, after the non-profit chart (民间非营利组织会计制度) cut to what a
 * base organization's fund uses. Fiscal allocation (1% of revenue) and dues are restricted to party
 * work; donations are unrestricted unless the donor says otherwise (an organization adds accounts).
 */
export const DEFAULT_CHART: readonly ChartAccount[] = [
  { code: '1001', name: '库存现金', type: 'asset', fund: 'general', restricted: false },
  { code: '1002', name: '银行存款', type: 'asset', fund: 'general', restricted: false },
  { code: '2201', name: '应付款项', type: 'liability', fund: 'general', restricted: false },
  { code: '3101', name: '非限定性净资产', type: 'net_assets', fund: 'general', restricted: false },
  { code: '3102', name: '限定性净资产', type: 'net_assets', fund: 'general', restricted: true },
  { code: '4101', name: '财政拨款收入（党建工作经费）', type: 'income', fund: 'fiscal', restricted: true },
  { code: '4102', name: '党费收入', type: 'income', fund: 'dues', restricted: true },
  { code: '4103', name: '捐赠收入', type: 'income', fund: 'donation', restricted: false },
  { code: '4104', name: '上级拨入', type: 'income', fund: 'general', restricted: true },
  {
    code: '5101',
    name: '表彰奖励支出',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'award',
  },
  {
    code: '5102',
    name: '困难党员慰问支出',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'consolation',
  },
  {
    code: '5103',
    name: '补贴支出（村书记报酬等）',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'allowance',
  },
  {
    code: '5104',
    name: '党员活动支出',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'activity',
  },
  {
    code: '5105',
    name: '拨付下级',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'transfer_out',
  },
  {
    code: '5199',
    name: '其他支出',
    type: 'expense',
    fund: 'general',
    restricted: false,
    spendingKind: 'other',
  },
];

export interface LineInput {
  debitFen: number;
  creditFen: number;
}

/** A field error for the line at `index`, in the shape the error mapper renders. */
const lineError = (index: number, field: string, code: 'fund.line_one_side' | 'fund.unbalanced') =>
  new DomainError('request.validation', 400, {}, [{ path: `lines.${index}.${field}`, code }]);

/**
 * Each line carries an amount on exactly one side, and the debits equal the credits. Answers the
 * total (the debits' sum); throws a field error naming the line or the whole at fault.
 */
export function checkBalanced(lines: readonly LineInput[]): number {
  let debits = 0;
  let credits = 0;
  lines.forEach((line, index) => {
    if (line.debitFen > 0 === line.creditFen > 0) throw lineError(index, 'debitFen', 'fund.line_one_side');
    debits += line.debitFen;
    credits += line.creditFen;
  });
  if (debits !== credits)
    throw new DomainError('request.validation', 400, {}, [
      { path: 'lines', code: 'fund.unbalanced', params: { debits: yuan(debits), credits: yuan(credits) } },
    ]);
  return debits;
}

export const yuan = (fen: number): string =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
