/** Messages of 党员积分 (members' points), merged into `messages` through programme-messages.ts. */
export const pointsMessages = {
  'points.year': { zh: '年度应为 2000–2100 的整数', en: 'a year is a whole number, 2000–2100' },
  'points.rule_points': {
    zh: '每项分值须为 0–1000 的整数',
    en: 'points per unit are a whole number, 0–1000',
  },
  'points.rule_cap': {
    zh: '年度上限须为 1–100000 的整数',
    en: 'a yearly cap is a whole number, 1–100000',
  },
  'points.rule_duplicate': { zh: '同一积分来源只能有一条规则', en: 'each source may have one rule only' },
  'points.district_wide': {
    zh: '只有全区范围的管理员才能修改积分规则或累计积分',
    en: 'Only an administrator over the whole district may change its points rules or accrue its points',
  },
  'points.manual_points': {
    zh: '分值须为 -100 到 100 之间、不为 0 的整数',
    en: 'points are a whole number from -100 to 100, not 0',
  },
  'points.not_a_member': {
    zh: '您的账号未关联党员，没有积分',
    en: 'Your account is not linked to a party member, so it has no points',
  },
} as const;
