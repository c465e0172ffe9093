/**
 * The 2013 article's countable figures (DESIGN §5, seed/article.zh-Hans.txt) for which the platform
 * has a concept. The demo generator sizes the demo district from them and the article report puts
 * each next to the platform's own count. `perPersons` is the population the figure belongs to: the
 * demo district at `district` scale has about 200,000 residents, and smaller or larger demos scale
 * the per-population figures in proportion; the others are structure (the region tree, the
 * hotlines) and stay as they are at every scale.
 */
import { COBUILDING_FIGURES } from './article-figures-cobuilding.js';

export const ARTICLE_POPULATION = 200_000;

export const ARTICLE_INDICATORS = [
  'warm_groups',
  'corridor_branches',
  'registered_members',
  'hotlines',
  'health_records',
  'deeds',
  'volunteer_teams',
  'pioneer_posts',
  'excellent_members',
  'advanced_collectives',
  'villages',
  'satisfaction_rank',
  'base_organization_funds',
  'village_secretary_allowance_average',
  'village_secretary_allowance_top',
  'members_in_difficulty_visited',
  'consolation_paid',
  'relocated_households',
  'resettlement_communities',
  'resettled_households',
  'syb_trained',
  'laid_off_trained',
  'loan_guidance',
  'loans_disbursed',
  'loans_disbursed_amount',
  'paired_enterprises',
  'paired_communities',
  'paired_households',
  'cooperative_rent',
  'cooperative_dividend_per_person',
  'big_projects',
  'project_organizations',
  'project_covered_enterprises',
  'cobuilding_units',
  'task_force_cadres',
  'task_force_organizations',
  'vanguard_teams',
] as const;
export type ArticleIndicator = (typeof ARTICLE_INDICATORS)[number];

export interface ArticleFigure {
  indicator: ArticleIndicator;
  /** The figure as the article states it ("3万余" is 30,000, "100余支" is 100). */
  article: number;
  /** The article's words, quoted. */
  quote: string;
  /** Whether the figure grows with the population (warm groups) or is structure (hotlines). */
  perPopulation: boolean;
  zh: string;
  en: string;
}

export const ARTICLE_FIGURES: readonly ArticleFigure[] = [
  {
    indicator: 'warm_groups',
    article: 3244,
    quote: '已组建了党群温馨小组3 244个',
    perPopulation: true,
    zh: '党群温馨小组',
    en: 'Warm groups',
  },
  {
    indicator: 'corridor_branches',
    article: 326,
    quote: '楼道党支部326个',
    perPopulation: true,
    zh: '楼道党支部',
    en: 'Corridor branches',
  },
  {
    indicator: 'registered_members',
    article: 4138,
    quote: '4 138名居住在社区的退休党员和区属单位在职党员陆续到社区报到',
    perPopulation: true,
    zh: '到社区报到的党员',
    en: 'Members registered at their community',
  },
  {
    indicator: 'hotlines',
    article: 36,
    quote: '开通了36条24小时党员服务热线',
    perPopulation: false,
    zh: '24小时党员服务热线',
    en: '24-hour hotlines',
  },
  {
    indicator: 'health_records',
    article: 8155,
    quote: '建立健康医疗档案8 155个',
    perPopulation: true,
    zh: '健康医疗档案',
    en: 'Health records',
  },
  {
    indicator: 'deeds',
    article: 30000,
    quote: '党员共为群众做好事实事3万余件',
    perPopulation: true,
    zh: '好事实事',
    en: 'Good deeds',
  },
  {
    indicator: 'volunteer_teams',
    article: 100,
    quote: '党员义工服务队等志愿者队伍100余支',
    perPopulation: true,
    zh: '志愿者队伍',
    en: 'Volunteer teams',
  },
  {
    indicator: 'pioneer_posts',
    article: 30,
    quote: '树立了30个“共产党员先锋岗”标兵',
    perPopulation: true,
    zh: '共产党员先锋岗标兵',
    en: 'Pioneer posts',
  },
  {
    indicator: 'excellent_members',
    article: 200,
    quote: '优秀党员200余名',
    perPopulation: true,
    zh: '表彰优秀党员',
    en: 'Members commended as excellent',
  },
  {
    indicator: 'advanced_collectives',
    article: 70,
    quote: '联合表彰创先争优先进集体70个',
    perPopulation: true,
    zh: '表彰先进集体',
    en: 'Organizations commended as advanced',
  },
  {
    indicator: 'villages',
    article: 11,
    quote: '我区两镇11个行政村',
    perPopulation: false,
    zh: '行政村',
    en: 'Administrative villages',
  },
  {
    indicator: 'satisfaction_rank',
    article: 1,
    quote: '我区连续两年在全市八区群众满意度测评中名列第一',
    perPopulation: false,
    zh: '群众满意度排名（全市各区）',
    en: 'Satisfaction rank among the city’s districts',
  },
  // The fund ledger's figures (issue 14), money in yuan; the district's total, not scaled.
  {
    indicator: 'base_organization_funds',
    article: 946_000,
    quote: '目前,基层党组织的党建基金已达94.6万元',
    perPopulation: false,
    zh: '基层党组织经费（元）',
    en: 'Base organizations’ funds (¥)',
  },
  {
    indicator: 'village_secretary_allowance_average',
    article: 19_000,
    quote: '2012年村党支部书记生活补贴平均达到1.9万元',
    perPopulation: false,
    zh: '村书记报酬平均（元）',
    en: 'Village secretary allowance, average (¥)',
  },
  {
    indicator: 'village_secretary_allowance_top',
    article: 21_000,
    quote: '最高2.1万元',
    perPopulation: false,
    zh: '村书记报酬最高（元）',
    en: 'Village secretary allowance, top (¥)',
  },
  {
    indicator: 'members_in_difficulty_visited',
    article: 1_560,
    quote: '走访大厂贫困党员1 560名',
    perPopulation: false,
    zh: '走访慰问困难党员（名）',
    en: 'Members in difficulty visited',
  },
  {
    indicator: 'consolation_paid',
    article: 40_000,
    quote: '送慰问金、慰问品合计4万元',
    perPopulation: false,
    zh: '困难党员慰问金（元）',
    en: 'Consolation paid (¥)',
  },
  // Relocation (issue 18): farm households and resettled households grow with the district; the
  // resettlement communities are the district's estates, as they are.
  {
    indicator: 'relocated_households',
    article: 6_000,
    quote: '征收6 000多户农户',
    perPopulation: true,
    zh: '征收搬迁农户（户）',
    en: 'Farm households relocated',
  },
  {
    indicator: 'resettlement_communities',
    article: 10,
    quote: '开发建设农民回迁安置小区和棚户区回迁安置小区10个',
    perPopulation: false,
    zh: '回迁安置小区',
    en: 'Resettlement communities',
  },
  {
    indicator: 'resettled_households',
    article: 20_000,
    quote: '安置居民2万户',
    perPopulation: true,
    zh: '回迁安置居民（户）',
    en: 'Households resettled',
  },
  // Livelihood programs (issue 18). Training: the district's totals over its courses, as the demo
  // gives them at every scale (208 and 1,437 completions), not scaled.
  {
    indicator: 'syb_trained',
    article: 208,
    quote: '为208名创业者提供了创业培训',
    perPopulation: false,
    zh: '创业培训（SYB）结业',
    en: 'Trained to start a business (SYB)',
  },
  {
    indicator: 'laid_off_trained',
    article: 1_437,
    quote: '为1 437名下岗失业人员提供了再就业培训',
    perPopulation: false,
    zh: '再就业技能培训结业',
    en: 'Laid-off workers trained',
  },
  // Start-up loans: people guided and loans lent grow with the population the guarantee centre
  // serves; money in yuan.
  {
    indicator: 'loan_guidance',
    article: 500,
    quote: '为500多名有创业愿望的人员提供贷款申请指导',
    perPopulation: true,
    zh: '贷款申请指导（人）',
    en: 'People guided to apply for a loan',
  },
  {
    indicator: 'loans_disbursed',
    article: 380,
    quote: '共为380名创业者发放小额贷款',
    perPopulation: true,
    zh: '发放创业担保贷款（笔）',
    en: 'Start-up loans lent',
  },
  {
    indicator: 'loans_disbursed_amount',
    article: 34_770_000,
    quote: '发放金额3 477万元',
    perPopulation: true,
    zh: '创业担保贷款发放金额（元）',
    en: 'Start-up loans lent (¥)',
  },
  // Pairings: the enterprises and the communities/villages are the district's structure (its
  // communities are the same 55 at every scale); households in difficulty grow with the population.
  {
    indicator: 'paired_enterprises',
    article: 183,
    quote: '区级领导和各直属党组织的在职党员已与183家企业',
    perPopulation: false,
    zh: '结对帮扶企业',
    en: 'Enterprises paired',
  },
  {
    indicator: 'paired_communities',
    article: 36,
    quote: '36个社区、村',
    perPopulation: false,
    zh: '结对帮扶社区、村',
    en: 'Communities and villages paired',
  },
  {
    indicator: 'paired_households',
    article: 4_600,
    quote: '4 600余个贫困家庭建立了帮扶关系',
    perPopulation: true,
    zh: '结对帮扶困难家庭',
    en: 'Households in difficulty paired',
  },
  // The 张家店屯 co-operative (in yuan), one village's, not scaled: its yearly rent, of which 10% is
  // kept and the rest pays every shareholder 3,600 a year: ¥24,000,000 less 10% pays 3,600 to 6,000
  // people, so the demo's co-operative village holds 6,000 at the district's size.
  {
    indicator: 'cooperative_rent',
    article: 24_000_000,
    quote: '每年房租2 400万元',
    perPopulation: false,
    zh: '村股份合作社年房租收入（元）',
    en: 'Co-operative’s yearly rent income (¥)',
  },
  {
    indicator: 'cooperative_dividend_per_person',
    article: 3_600,
    quote: '房租留下村积累10%后,张家店屯每年每人得到3 600元分红',
    perPopulation: false,
    zh: '村股份合作社每人年分红（元）',
    en: 'Co-operative’s dividend per person a year (¥)',
  },
  ...COBUILDING_FIGURES,
];

/** What the demo aims at for a figure, for a district of `persons` residents. */
export function articleTarget(figure: ArticleFigure, persons: number): number {
  if (!figure.perPopulation) return figure.article;
  // "3万余", "100余支", "200余名": a little over the round figure, as the article says.
  const over = figure.indicator === 'deeds' ? 1.02 : figure.article % 100 === 0 ? 1.04 : 1;
  return Math.max(1, Math.round(((figure.article * over) / ARTICLE_POPULATION) * persons));
}

export const articleFigure = (indicator: ArticleIndicator): ArticleFigure =>
  ARTICLE_FIGURES.find((f) => f.indicator === indicator)!;

/** The commendation titles the article counts (the demo gives them; the report counts them). */
export const COMMENDATION_TITLES = {
  pioneer_posts: '共产党员先锋岗标兵',
  excellent_members: '优秀共产党员',
  advanced_collectives: '先进基层党组织',
} as const satisfies Partial<Record<ArticleIndicator, string>>;

/** One row of the article report: the article's figure next to the platform's own count. */
export interface ArticleRow {
  indicator: ArticleIndicator;
  article: number;
  /** Null when the platform cannot say (no callbacks yet for a satisfaction rank). */
  platform: number | null;
  /**
   * The article's figure scaled to the district's population (figure × persons / 200,000), for the
   * figures that grow with it; null for structure (hotlines, villages, the rank).
   */
  scaled: number | null;
  /** (platform − article) / article, in percent, one decimal; for the rank, the places behind. */
  difference: number | null;
  name: string;
  nameEn: string;
  quote: string;
  /** For the satisfaction rank: among how many districts. */
  of?: number;
}
