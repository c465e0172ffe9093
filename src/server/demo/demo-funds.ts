import { beijingDate } from '../../shared/beijing-time.js';
import { Scope } from '../auth/scope.js';
import { demoSourcesRepository, LedgerService } from '../modules/funds/index.js';
import type { ServiceContext } from '../services.js';

/**
 * The article's fund figures in the demo district's ledgers (issue 14): ¥946,000 of fiscal allocation
 * (1% of revenue) received by the base organizations, village secretary allowances averaging ¥19,000
 * with the top at ¥21,000, and ¥40,000 of consolation to 1,560 members in difficulty (880 visited with
 * ¥30, 680 with ¥20). Every voucher goes through the ledger's own service; those above the threshold
 * are approved by a second person (the district administrator), as the rules ask.
 */
export const DEMO_FUND_FIGURES = {
  fiscalYuan: 946_000,
  allowanceAverageYuan: 19_000,
  allowanceTopYuan: 21_000,
  consoledMembers: 1_560,
  consolationYuan: 40_000,
} as const;

/** `total` split over `n` parts in whole yuan, the first parts taking the remainder. */
const split = (total: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));

/** Allowances spread evenly from (2·avg − top) to top: the mean is `avg` and the largest `top`. */
export function allowances(n: number, average: number, top: number): number[] {
  if (n === 1) return [average];
  const low = 2 * average - top;
  return Array.from({ length: n }, (_, i) => Math.round(top - ((top - low) * i) / (n - 1)));
}

export async function buildDemoFunds(ctx: ServiceContext, district: string): Promise<void> {
  if (district !== ctx.config.districtCode) return;
  const { db } = ctx.database;
  const orgs = await demoSourcesRepository.baseOrganizations(db, district);
  // One base organization per community or village: the first made there.
  const base = orgs.filter((o, i) => i === 0 || orgs[i - 1]!.region_code !== o.region_code);
  if (base.length === 0) return;
  const scope = new Scope([district], ctx.database.dialect);
  const person = async (username: string, name: string) => ({
    id: (await demoSourcesRepository.userId(db, username)) ?? `demo-${username}`,
    name,
    ip: null,
    requestId: null,
  });
  const maker = await person('street_secretary', '街道党工委经办人');
  const approver = await person('district_admin', '区委组织部');
  // Entries dated this year on the day each usually falls (the Spring Festival visits in January,
  // the allocation in March, allowances at mid-year), never later than today.
  const today = beijingDate(ctx.now());
  const date = (month: number, day: number) => {
    const wanted = `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return wanted < today ? wanted : today;
  };
  const ledger = new LedgerService(ctx);
  const post = async (organizationId: string, body: Parameters<LedgerService['createVoucher']>[2]) => {
    const id = await ledger.createVoucher(scope, organizationId, body, maker);
    const made = await ledger.detail(scope, id);
    if (made.voucher.status === 'pending') await ledger.approve(scope, id, '同意', approver);
  };

  const accounts = new Map<string, Record<string, string>>();
  for (const org of base) {
    const opened = await ledger.open(scope, org.id, maker);
    accounts.set(org.id, Object.fromEntries(opened.accounts.map((a) => [a.code, a.id])));
  }
  const line = (accountId: string, debitFen: number, creditFen: number) => ({
    accountId,
    debitFen,
    creditFen,
  });

  // 1% of fiscal revenue: each base organization's share, received in the first quarter.
  const shares = split(DEMO_FUND_FIGURES.fiscalYuan, base.length);
  for (const [i, org] of base.entries()) {
    const a = accounts.get(org.id)!;
    const fen = shares[i]! * 100;
    await post(org.id, {
      date: date(3, 10),
      summary: '收到区财政拨付基层党组织党建工作经费（财政收入的 1%）',
      kind: 'income',
      attachmentCount: 1,
      lines: [line(a['1002']!, fen, 0), line(a['4101']!, 0, fen)],
    });
  }

  // Village secretaries' allowances (村书记报酬), paid to each village's leader.
  const villages = base.filter((o) => o.region_kind === 'village' && o.leader_member_id);
  const amounts = allowances(
    villages.length,
    DEMO_FUND_FIGURES.allowanceAverageYuan,
    DEMO_FUND_FIGURES.allowanceTopYuan,
  );
  for (const [i, org] of villages.entries()) {
    const a = accounts.get(org.id)!;
    const fen = amounts[i]! * 100;
    await post(org.id, {
      date: date(6, 28),
      summary: '发放村党组织书记报酬',
      kind: 'spending',
      spendingKind: 'allowance',
      attachmentCount: 1,
      lines: [line(a['5103']!, fen, 0), line(a['1002']!, 0, fen)],
      beneficiaries: [{ memberId: org.leader_member_id!, amountFen: fen }],
    });
  }

  // 走访慰问困难党员: 1,560 members across the base organizations' places, ¥30 or ¥20 each, taken
  // round-robin so that a place with few members leaves its share to the others.
  const pools = await Promise.all(
    base.map((org) =>
      demoSourcesRepository.membersIn(db, org.region_code, DEMO_FUND_FIGURES.consoledMembers),
    ),
  );
  const chosen = base.map(() => [] as string[]);
  let visited = 0;
  for (let round = 0; visited < DEMO_FUND_FIGURES.consoledMembers; round += 1) {
    let took = false;
    for (const [i, pool] of pools.entries()) {
      if (visited >= DEMO_FUND_FIGURES.consoledMembers || round >= pool.length) continue;
      chosen[i]!.push(pool[round]!.id);
      visited += 1;
      took = true;
    }
    if (!took) break;
  }
  let paid = 0;
  for (const [i, org] of base.entries()) {
    if (chosen[i]!.length === 0) continue;
    const beneficiaries = chosen[i]!.map((memberId) => {
      paid += 1;
      return { memberId, amountFen: paid <= 880 ? 3_000 : 2_000 };
    });
    const fen = beneficiaries.reduce((sum, b) => sum + b.amountFen, 0);
    const a = accounts.get(org.id)!;
    await post(org.id, {
      date: date(1, 20),
      summary: '春节走访慰问困难党员',
      kind: 'spending',
      spendingKind: 'consolation',
      attachmentCount: 2,
      lines: [line(a['5102']!, fen, 0), line(a['1002']!, 0, fen)],
      beneficiaries,
    });
  }
}
