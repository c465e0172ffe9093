/** Chinese UI strings of the article page (重现文章; spread into zh.ts). */
export const zhArticle = {
  'nav.article': '重现文章',
  'article.title': '重现文章：文章中的数字与平台中的数据',
  'article.intro':
    '2013 年关于平房区服务型党组织建设的文章列出了下面这些数字。每一行把文章中的数字与平台为本区实际保存的数据放在一起，任何人都能核对平台是否承载了文章所描述的内容。',
  'article.district': '辖区',
  'article.population': '{persons} 名居民 · {households} 户 · {workOrders} 件工单',
  'article.indicator': '指标',
  'article.article': '文章',
  'article.scaled': '按本区人口折算',
  'article.platform': '平台',
  'article.difference': '差异',
  'article.quote': '原文',
  'article.onlyDistrict': '第 1 名（本库仅此一区）',
  'article.rankOf': '第 {rank} 名 / 共 {of} 个区',
  'article.rankArticle': '第 1 名 / 共 8 个区',
  'article.noData': '暂无数据',
  'article.within': '相差 5% 以内的行：{within} / {total}',
  'article.demoHint': '演示库中的数据由 lianxin demo --scale district 生成，与文章的数字对应。',
} as const;
