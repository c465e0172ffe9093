/** Messages of 大走访: campaigns, visits, needs, register change requests (merged into `messages`). */
export const visitMessages = {
  'visit.campaign_not_found': { zh: '走访活动不存在', en: 'No such visit campaign' },
  'visit.campaign_closed': { zh: '走访活动已结束', en: 'The visit campaign is closed' },
  'visit.not_found': { zh: '走访记录不存在', en: 'No such visit' },
  'visit.need_not_found': { zh: '走访需求不存在', en: 'No such need' },
  'visit.change_not_found': { zh: '变更申请不存在', en: 'No such change request' },
  'visit.unknown_household': {
    zh: '住户不存在或不在您的走访范围内',
    en: 'No such household among yours to visit',
  },
  'visit.unknown_person': { zh: '该住户中没有这位居民', en: 'No such resident in this household' },
  'visit.unknown_visitor': { zh: '走访人不存在或不在本区域', en: 'No such visitor in this region' },
  'visit.unknown_tag': { zh: '没有这个标签', en: 'No such tag' },
  'visit.unknown_region': { zh: '区域不存在', en: 'No such region' },
  'visit.ends_before_start': { zh: '结束时间不能早于开始时间', en: 'must not be before the start' },
  'visit.coordinates_pair': { zh: '经纬度须同时填写', en: 'latitude and longitude go together' },
  'visit.keys_per_household': {
    zh: '每户需要一个幂等键，数量应与住户数相同',
    en: 'one idempotency key per household is needed',
  },
  'visit.keys_unique': { zh: '幂等键不能重复', en: 'idempotency keys must differ' },
  'visit.households_unique': { zh: '住户不能重复', en: 'a household may be named once' },
  'visit.target_one_of': {
    zh: '请指定走访人或区域（只选一项）',
    en: 'name either a visitor or a region (one of them)',
  },
  'visit.in_future': { zh: '走访时间不能晚于现在', en: 'a visit cannot lie in the future' },
  'visit.outside_period': {
    zh: '走访时间不在活动期间（{startsOn} 至 {endsOn}）',
    en: 'the visit lies outside the campaign ({startsOn} to {endsOn})',
  },
  'visit.household_not_in_campaign': {
    zh: '该住户不在这次走访活动中',
    en: 'This household is not part of the campaign',
  },
  'visit.key_reused': {
    zh: '该幂等键已用于另一次走访',
    en: 'This idempotency key was used for another visit',
  },
  'visit.need_already_ordered': { zh: '该需求已转为工单', en: 'This need is already a work order' },
  'visit.change_decided': { zh: '该变更申请已处理', en: 'This change request has been decided already' },
  'visit.change_person_gone': {
    zh: '该居民已不在登记中，无法应用变更',
    en: 'The resident is no longer in the register; the change cannot be applied',
  },
  'visit.map_grid_only': {
    zh: '走访地图只能按网格或楼栋查看',
    en: 'the visit map shows a grid or a building',
  },
} as const;
