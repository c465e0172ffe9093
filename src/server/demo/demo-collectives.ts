import { v7 as uuidv7 } from 'uuid';
import { articleFigure } from '../../shared/article-figures.js';
import { computeDividend, demoCollectivesRepository as repo } from '../modules/collectives/index.js';
import type { ServiceContext } from '../services.js';
import { demoRepository } from './demo.repository.js';

/** The article's co-operative keeps 10% of its rent (房租留下村积累10%). */
const RETENTION_BP = 1000;

/**
 * 村股份合作社 in the demo, after 张家店屯's: the collective of the district's largest village, every
 * villager on its register at the end of the dividend year one share (the article pays "每人"),
 * last year's rent received month by month, and the year's dividend run drafted by the village's
 * secretary and approved by the district: 10% kept, the article's ¥3,600 paid to every
 * shareholder. The rent is what that takes (¥4,000 a shareholder); at the `district` and `city`
 * scales the village is built with the 6,000 people the article's ¥24,000,000 pays
 * (demo-district.ts), at `small` it is whatever the largest village holds. Written in bulk.
 */
export async function buildDemoCollective(ctx: ServiceContext, district: string): Promise<void> {
  const { db } = ctx.database;
  const now = ctx.now();
  const at = now.toISOString();
  const year = now.getUTCFullYear() - 1;
  const village = await repo.largestVillage(db, district);
  if (!village) return;
  const villagers = await repo.villagers(db, village.code, `${year + 1}-01-01`);
  if (villagers.length === 0) return;
  const perPersonFen = articleFigure('cooperative_dividend_per_person').article * 100;
  // Income such that, 10% kept, each share gets exactly the article's dividend.
  const incomeFen = Math.round((perPersonFen * villagers.length * 10_000) / (10_000 - RETENTION_BP));
  const result = computeDividend({
    incomeFen,
    retentionBp: RETENTION_BP,
    holdings: villagers.map((v) => ({ personId: v.id, shares: 1 })),
  });
  const drafter = await demoRepository.userId(db, 'street_secretary');
  const approver = await demoRepository.userId(db, 'district_admin');
  if (!drafter || !approver) return;
  const collective = uuidv7();
  const run = uuidv7();
  const monthly = Math.floor(incomeFen / 12);
  await db.transaction().execute((trx) =>
    repo.insert(trx, {
      collective: {
        id: collective,
        district_code: district,
        region_code: village.code,
        name: `${village.name.replace(/(村民?委员会|村委会)$/, '村')}股份经济合作社`,
        retention_bp: RETENTION_BP,
        created_by: drafter,
        created_at: at,
        updated_at: at,
      },
      shareholders: villagers.map((v) => ({
        district_code: district,
        collective_id: collective,
        person_id: v.id,
        shares: 1,
        created_at: at,
        updated_at: at,
      })),
      incomes: Array.from({ length: 12 }, (_, m) => ({
        id: uuidv7(),
        district_code: district,
        collective_id: collective,
        year,
        // The last month takes the fen a twelfth leaves over, so the year adds up exactly.
        amount_fen: m === 11 ? incomeFen - monthly * 11 : monthly,
        source: '国有房产反租倒包房租',
        received_on: `${year}-${String(m + 1).padStart(2, '0')}-05`,
        recorded_by: drafter,
        created_at: at,
      })),
      run: {
        id: run,
        district_code: district,
        region_code: village.code,
        collective_id: collective,
        year,
        income_fen: incomeFen,
        retention_bp: RETENTION_BP,
        retained_fen: result.retainedFen,
        remainder_fen: result.remainderFen,
        total_shares: result.totalShares,
        per_share_fen: result.perShareFen,
        paid_fen: result.paidFen,
        status: 'approved',
        drafted_by: drafter,
        drafted_by_name: '街道书记',
        drafted_at: at,
        approved_by: approver,
        approved_by_name: '区管理员',
        approved_at: at,
      },
      payouts: result.payouts.map((p) => ({
        district_code: district,
        run_id: run,
        person_id: p.personId,
        shares: p.shares,
        amount_fen: p.amountFen,
      })),
    }),
  );
}
