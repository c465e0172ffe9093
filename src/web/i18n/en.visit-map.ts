import type { zhVisitMap } from './zh.visit-map';

/** English strings of the grid's map by visit state (spread into en.ts). */
export const enVisitMap: Record<keyof typeof zhVisitMap, string> = {
  'visitMap.campaign': 'Visit campaign',
  'visitMap.noCampaign': 'No visit campaign covers this place now',
  'visitMap.hint': 'By this campaign’s visits: red households have not been visited yet',
  'visitMap.state.met': 'Met in person',
  'visitMap.state.attempted': 'Visited, not met',
  'visitMap.state.not_visited': 'Not yet visited',
  'visitMap.state.not_targeted': 'Not in this campaign',
  'visitMap.count': '{count}',
  'visitMap.building.unvisited': '{count} not yet visited',
  'visitMap.building.attempted': '{count} not met',
  'visitMap.building.allMet': 'All met',
  'visitMap.visits': 'Met {met}/{target} times · {attempts} visits in all',
};
