import type { ArticleFigure } from './article-figures.js';

/**
 * The article's figures of 大项目, 区厂共建 and the land-acquisition task forces (the cobuilding
 * module): counted from its rows by `lianxin report article`; the demo sizes them to its population.
 * Kept apart so that article-figures.ts stays under the file-size limit.
 */
export const COBUILDING_FIGURES: readonly ArticleFigure[] = [
  {
    indicator: 'big_projects',
    article: 320,
    quote: '已有320个产业大项目相继入驻哈南工业新城',
    perPopulation: true,
    zh: '入驻产业大项目',
    en: 'Industrial projects settled',
  },
  {
    indicator: 'project_organizations',
    article: 28,
    quote: '在入驻新城的国裕数据、乐辰科技等大项目上建立党组织28个',
    perPopulation: true,
    zh: '大项目上建立的党组织',
    en: 'Organizations set up in projects',
  },
  {
    indicator: 'project_covered_enterprises',
    article: 181,
    quote: '涵盖企业181个',
    perPopulation: true,
    zh: '大项目党组织涵盖企业',
    en: 'Project enterprises covered by an organization',
  },
  {
    indicator: 'cobuilding_units',
    article: 130,
    quote: '全区已有130多个驻区单位参与到服务型党组织建设中来',
    perPopulation: true,
    zh: '参与共建的驻区单位',
    en: 'Co-building units taking part',
  },
  {
    indicator: 'task_force_cadres',
    article: 200,
    quote: '从全区各条战线陆续抽调200余名党员干部充实到征地拆迁、棚改等重点工作中',
    perPopulation: true,
    zh: '抽调到攻坚一线的党员干部',
    en: 'Cadres seconded to task forces',
  },
  {
    indicator: 'task_force_organizations',
    article: 18,
    quote: '在哈南核心区城乡一体化指挥部和房屋征收办公室等建立了18个党组织',
    perPopulation: true,
    zh: '攻坚一线建立的临时党组织',
    en: 'Temporary organizations of task forces',
  },
  {
    indicator: 'vanguard_teams',
    article: 10,
    quote: '组建了10余支共产党员先锋队',
    perPopulation: true,
    zh: '共产党员先锋队',
    en: 'Vanguard teams',
  },
];
