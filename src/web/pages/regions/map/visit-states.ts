import type { VisitMap, VisitMapState } from '../../../api/visit-map';

/**
 * How the map marks a household's visit state. Red is "not yet visited" (what the district asks
 * to see at a glance); every colour also comes with its words (legend, tile text, tooltip), so the
 * map does not speak in colour alone. The colours also draw text (tile counts, household names),
 * so each reads at 4.5:1 or more on white and on the map's grey (issue 17, WCAG 1.4.3).
 */
export const VISIT_COLORS: Record<VisitMapState, string> = {
  met: '#237804',
  attempted: '#9a5b00',
  not_visited: '#cf1322',
  not_targeted: '#666666',
};

export type VisitStateOf = (householdId: string) => VisitMap['households'][number] | undefined;

/** Households of one building (or of the grid itself) counted by state. */
export function countsAt(map: VisitMap, regionCode: string): Record<VisitMapState, number> {
  const counts: Record<VisitMapState, number> = { met: 0, attempted: 0, not_visited: 0, not_targeted: 0 };
  for (const household of map.households)
    if (household.regionCode === regionCode) counts[household.state] += 1;
  return counts;
}
