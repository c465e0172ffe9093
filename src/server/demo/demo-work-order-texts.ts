/**
 * What the demo's work orders say and when they come: the category mix and volume by month, the
 * residents' words for each category, and the resolutions grid workers write.
 */

/**
 * Category mix by month (index 0 = January): heating complaints and repairs in Harbin's heating
 * season (October 20 to April 20), garbage and corridor clutter in summer, job seeking after the
 * Spring Festival, social-security errands at the turn of the year, street lights in the long nights.
 */
export const MIX: { code: string; weight: number; season?: readonly number[] }[] = [
  {
    code: 'livelihood.repair',
    weight: 16,
    season: [1.8, 1.6, 1.3, 1.0, 0.7, 0.8, 1.0, 1.0, 0.8, 1.3, 1.9, 2.0],
  },
  { code: 'livelihood.elderly_care', weight: 9, season: [1.3, 1.3, 1, 1, 1, 1, 1.1, 1.1, 1, 1, 1.2, 1.3] },
  { code: 'livelihood.hardship', weight: 5, season: [1.6, 1.5, 1, 1, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.6] },
  { code: 'livelihood.urgent', weight: 2 },
  {
    code: 'environment.corridor',
    weight: 8,
    season: [0.7, 0.7, 1, 1.3, 1.3, 1.2, 1.1, 1.1, 1.1, 1, 0.8, 0.7],
  },
  {
    code: 'environment.garbage',
    weight: 9,
    season: [0.6, 0.7, 0.9, 1.1, 1.3, 1.5, 1.6, 1.6, 1.2, 1, 0.8, 0.7],
  },
  {
    code: 'environment.lighting',
    weight: 5,
    season: [1.5, 1.3, 1, 0.8, 0.7, 0.6, 0.6, 0.7, 0.9, 1.2, 1.5, 1.6],
  },
  {
    code: 'employment.job_seeking',
    weight: 5,
    season: [0.8, 1.6, 1.9, 1.3, 1, 0.9, 1.1, 0.9, 0.9, 0.8, 0.7, 0.6],
  },
  {
    code: 'employment.training',
    weight: 3,
    season: [0.6, 1.2, 1.5, 1.3, 1.1, 0.9, 0.8, 0.8, 1.2, 1.1, 0.8, 0.6],
  },
  { code: 'policy.general', weight: 12 },
  {
    code: 'complaint.service',
    weight: 6,
    season: [1.9, 1.6, 1.2, 0.8, 0.6, 0.6, 0.7, 0.7, 0.7, 1.2, 1.9, 2.0],
  },
  { code: 'suggestion.general', weight: 4 },
  { code: 'proxy.documents', weight: 5 },
  {
    code: 'proxy.social_security',
    weight: 7,
    season: [1.8, 1.2, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.9],
  },
  { code: 'proxy.land_acquisition', weight: 2 },
];

/** Orders per month relative to the year's average: winter is busy, the Spring Festival is quiet. */
export const VOLUME = [1.2, 0.9, 1.05, 1.0, 0.95, 0.95, 1.0, 1.0, 0.95, 1.0, 1.1, 1.25];
export const HEATING = [true, true, true, true, false, false, false, false, false, true, true, true];

export const DESCRIPTIONS: Record<string, { any: string[]; winter?: string[]; summer?: string[] }> = {
  'livelihood.repair': {
    any: ['卫生间下水管道堵塞，需要维修', '单元门门禁损坏', '厨房水管滴漏'],
    winter: ['暖气不热，室温只有十四度', '暖气片漏水，楼下反映渗水', '供暖管道阀门损坏'],
    summer: ['顶楼屋面漏雨', '外墙渗水'],
  },
  'livelihood.elderly_care': {
    any: ['独居老人行动不便，需要送餐', '老人需要陪同去医院复查', '高龄老人家中需要打扫'],
  },
  'livelihood.hardship': { any: ['家庭生活困难，咨询临时救助', '患重病后生活困难，申请帮扶'] },
  'livelihood.urgent': { any: ['老人在家摔倒，家属不在身边', '楼道有燃气味', '家中停电，老人使用制氧机'] },
  'environment.corridor': { any: ['楼道内堆放杂物，影响通行', '楼道内停放电动车充电', '楼梯间堆放废旧家具'] },
  'environment.garbage': {
    any: ['小区垃圾清运不及时', '垃圾桶满溢'],
    summer: ['垃圾站异味严重，蚊蝇多', '小区绿地建筑垃圾未清运'],
  },
  'environment.lighting': { any: ['小区路灯不亮', '单元门口照明损坏', '道路照明时亮时灭'] },
  'employment.job_seeking': {
    any: ['登记求职，希望找保安或保洁工作', '大学毕业生登记求职', '失业人员求职登记'],
  },
  'employment.training': { any: ['咨询创业培训报名', '想参加电焊技能培训', '咨询汽车修理培训班'] },
  'policy.general': {
    any: ['咨询高龄补贴申领条件', '咨询低保申请流程', '咨询居住证办理', '咨询医保报销政策'],
  },
  'complaint.service': {
    any: ['投诉物业服务不到位', '投诉窗口工作人员态度差'],
    winter: ['投诉供暖温度不达标', '投诉供热公司报修后无人处理'],
  },
  'suggestion.general': { any: ['建议小区增设健身器材', '建议增加公交线路', '建议小区增设充电桩'] },
  'proxy.documents': { any: ['代办身份证换领', '代办户口簿补办', '代办残疾人证年审'] },
  'proxy.social_security': { any: ['代办城乡居民医保缴费', '代办养老保险资格认证', '代办社保卡补办'] },
  'proxy.land_acquisition': { any: ['咨询回迁房交付时间', '咨询征地补偿款发放', '咨询合作社分红'] },
};

export const RESOLUTIONS = [
  '已上门处理完毕',
  '已协调相关单位解决',
  '已答复居民并办结',
  '已安排人员处理，居民认可',
  '已代办完成',
];
