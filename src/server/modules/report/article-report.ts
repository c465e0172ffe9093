import {
  ARTICLE_FIGURES,
  ARTICLE_POPULATION,
  type ArticleIndicator,
  type ArticleRow,
  COMMENDATION_TITLES,
} from '../../../shared/article-figures.js';
import type { Executor } from '../../db/database.js';
import { articleCobuildingFigures } from '../cobuilding/index.js';
import { articleCollectiveFigures } from '../collectives/index.js';
import { articleFundFigures } from '../funds/index.js';
import { articleLoanFigures } from '../loans/index.js';
import { articlePairingFigures } from '../pairings/index.js';
import { articleRelocationFigures } from '../relocation/index.js';
import { articleTrainingFigures } from '../training/index.js';
import { articleReportRepository as repo } from './article-report.repository.js';

export interface ArticleReport {
  district: { code: string; name: string };
  /** What the figures are measured against: the district's register and work orders. */
  population: { persons: number; households: number; workOrders: number };
  rows: ArticleRow[];
}

/** A district's satisfaction rank among the districts the database holds (1 = most satisfied). */
async function satisfactionRank(
  db: Executor,
  districtCode: string,
): Promise<{ rank: number | null; of: number }> {
  const rates = (await repo.satisfactionByDistrict(db))
    .map((row) => ({ code: row.district_code, rate: Number(row.satisfied) / Number(row.callbacks) }))
    .sort((a, b) => b.rate - a.rate);
  const index = rates.findIndex((r) => r.code === districtCode);
  return { rank: index === -1 ? null : index + 1, of: rates.length };
}

/**
 * How far the platform's count is from what it should be, in percent: from the figure scaled to
 * the district's population where the article's figure grows with population (a small demo
 * district is not 97.5% short of the whole article), else from the article's own. Nothing to
 * compare with a reference of 0 unless the count is 0 too.
 */
function percentDifference(platform: number | null, reference: number): number | null {
  if (platform === null) return null;
  if (reference === 0) return platform === 0 ? 0 : null;
  return Math.round(((platform - reference) / reference) * 1000) / 10;
}

/**
 * 重现文章: the article's countable figures (DESIGN §5) row by row next to what the platform holds
 * for a district, so anyone can see the platform holds what the article describes.
 */
export async function articleReport(db: Executor, districtCode: string): Promise<ArticleReport> {
  const rank = await satisfactionRank(db, districtCode);
  const funds = await articleFundFigures(db, districtCode);
  const relocation = await articleRelocationFigures(db, districtCode);
  const training = await articleTrainingFigures(db, districtCode);
  const loans = await articleLoanFigures(db, districtCode);
  const pairings = await articlePairingFigures(db, districtCode);
  const cooperative = await articleCollectiveFigures(db, districtCode);
  const cobuilding = await articleCobuildingFigures(db, districtCode);
  const counts: Record<ArticleIndicator, () => Promise<number | null>> = {
    warm_groups: () => repo.organizations(db, districtCode, 'warm_group'),
    corridor_branches: () => repo.organizations(db, districtCode, 'corridor_branch'),
    registered_members: () => repo.confirmedRegistrations(db, districtCode),
    hotlines: () => repo.activeHotlines(db, districtCode),
    health_records: () => repo.rows(db, districtCode, 'health_records'),
    deeds: () => repo.rows(db, districtCode, 'deeds'),
    volunteer_teams: () => repo.organizations(db, districtCode, 'volunteer_team'),
    pioneer_posts: () => repo.commendations(db, districtCode, COMMENDATION_TITLES.pioneer_posts),
    excellent_members: () => repo.commendations(db, districtCode, COMMENDATION_TITLES.excellent_members),
    advanced_collectives: () =>
      repo.commendations(db, districtCode, COMMENDATION_TITLES.advanced_collectives),
    villages: () => repo.villages(db, districtCode),
    satisfaction_rank: async () => rank.rank,
    base_organization_funds: async () => funds.base_organization_funds,
    village_secretary_allowance_average: async () => funds.village_secretary_allowance_average,
    village_secretary_allowance_top: async () => funds.village_secretary_allowance_top,
    members_in_difficulty_visited: async () => funds.members_in_difficulty_visited,
    consolation_paid: async () => funds.consolation_paid,
    relocated_households: async () => relocation.relocated_households,
    resettlement_communities: async () => relocation.resettlement_communities,
    resettled_households: async () => relocation.resettled_households,
    syb_trained: async () => training.syb_trained,
    laid_off_trained: async () => training.laid_off_trained,
    loan_guidance: async () => loans.loan_guidance,
    loans_disbursed: async () => loans.loans_disbursed,
    loans_disbursed_amount: async () => loans.loans_disbursed_amount,
    paired_enterprises: async () => pairings.paired_enterprises,
    paired_communities: async () => pairings.paired_communities,
    paired_households: async () => pairings.paired_households,
    cooperative_rent: async () => cooperative.cooperative_rent,
    cooperative_dividend_per_person: async () => cooperative.cooperative_dividend_per_person,
    big_projects: async () => cobuilding.big_projects,
    project_organizations: async () => cobuilding.project_organizations,
    project_covered_enterprises: async () => cobuilding.project_covered_enterprises,
    cobuilding_units: async () => cobuilding.cobuilding_units,
    task_force_cadres: async () => cobuilding.task_force_cadres,
    task_force_organizations: async () => cobuilding.task_force_organizations,
    vanguard_teams: async () => cobuilding.vanguard_teams,
  };
  const persons = await repo.rows(db, districtCode, 'persons');
  const rows: ArticleRow[] = [];
  for (const figure of ARTICLE_FIGURES) {
    const platform = await counts[figure.indicator]();
    const isRank = figure.indicator === 'satisfaction_rank';
    const scaled = figure.perPopulation ? Math.round((figure.article * persons) / ARTICLE_POPULATION) : null;
    rows.push({
      indicator: figure.indicator,
      article: figure.article,
      platform,
      scaled,
      difference: isRank
        ? platform === null
          ? null
          : platform - figure.article
        : percentDifference(platform, scaled ?? figure.article),
      name: figure.zh,
      nameEn: figure.en,
      quote: figure.quote,
      ...(isRank ? { of: rank.of } : {}),
    });
  }
  return {
    district: { code: districtCode, name: (await repo.districtName(db, districtCode)) ?? districtCode },
    population: {
      persons,
      households: await repo.rows(db, districtCode, 'households'),
      workOrders: await repo.rows(db, districtCode, 'work_orders'),
    },
    rows,
  };
}
