import type { zhArticle } from './zh.article';

/** English UI strings of the article page (spread into en.ts). */
export const enArticle: Record<keyof typeof zhArticle, string> = {
  'nav.article': 'The article',
  'article.title': 'Reproducing the article: its figures next to the platform’s data',
  'article.intro':
    'The 2013 article on service-oriented party organizations in Pingfang District gives the figures below. Each row puts the article’s figure next to what the platform holds for this district, so anyone can check that the platform holds what the article describes.',
  'article.district': 'District',
  'article.population': '{persons} residents · {households} households · {workOrders} work orders',
  'article.indicator': 'Indicator',
  'article.article': 'Article',
  'article.scaled': 'Scaled to this population',
  'article.platform': 'Platform',
  'article.difference': 'Difference',
  'article.quote': 'The article says',
  'article.onlyDistrict': '1st (the only district held here)',
  'article.rankOf': 'rank {rank} of {of} districts',
  'article.rankArticle': 'rank 1 of 8 districts',
  'article.noData': 'no data yet',
  'article.within': 'Rows within 5%: {within} of {total}',
  'article.demoHint':
    'The demo database is built by lianxin demo --scale district to match the article’s figures.',
};
