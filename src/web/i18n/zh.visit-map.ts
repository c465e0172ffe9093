/** Chinese strings of the grid's map by visit state (spread into zh.ts). */
export const zhVisitMap = {
  'visitMap.campaign': '走访活动',
  'visitMap.noCampaign': '目前没有覆盖这里的走访活动',
  'visitMap.hint': '按本次走访标注：红色为尚未走访的住户',
  'visitMap.state.met': '已入户见面',
  'visitMap.state.attempted': '已走访未见面',
  'visitMap.state.not_visited': '尚未走访',
  'visitMap.state.not_targeted': '不在本次走访范围',
  'visitMap.count': '{count} 户',
  'visitMap.building.unvisited': '{count} 户未走访',
  'visitMap.building.attempted': '{count} 户未见面',
  'visitMap.building.allMet': '已全部见面',
  'visitMap.visits': '见面 {met}/{target} 次 · 共走访 {attempts} 次',
} as const;
