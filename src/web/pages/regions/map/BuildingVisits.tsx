import { Typography } from 'antd';
import type { VisitMapState } from '../../../api/visit-map';
import { useI18n } from '../../../i18n/I18nProvider';
import { VISIT_COLORS } from './visit-states';

/** A building tile's visit line: households not yet visited (red), else not met, else all met. */
export function BuildingVisits({ counts }: { counts: Record<VisitMapState, number> }) {
  const { t } = useI18n();
  const [state, text] =
    counts.not_visited > 0
      ? (['not_visited', t('visitMap.building.unvisited', { count: counts.not_visited })] as const)
      : counts.attempted > 0
        ? (['attempted', t('visitMap.building.attempted', { count: counts.attempted })] as const)
        : (['met', t('visitMap.building.allMet')] as const);
  if (counts.met + counts.attempted + counts.not_visited === 0) return null;
  return (
    <Typography.Text style={{ color: VISIT_COLORS[state], fontSize: 13 }} data-visit-state={state}>
      {text}
    </Typography.Text>
  );
}
