import { Typography } from 'antd';
import { Link } from 'react-router';
import type { HouseholdCell } from '../../../api/types';
import type { VisitMap } from '../../../api/visit-map';
import { TagList } from '../../../components/TagList';
import { useI18n } from '../../../i18n/I18nProvider';
import { VISIT_COLORS } from './visit-states';

/**
 * One room of the building diagram: head of household, size, tags, caring member, and with a
 * campaign its visit state: a coloured left edge and the state in words.
 */
export function HouseholdTile({
  cell,
  visit,
}: {
  cell: HouseholdCell;
  visit?: VisitMap['households'][number] | undefined;
}) {
  const { t } = useI18n();
  return (
    <Link
      to={`/households/${cell.id}`}
      className="lx-tile"
      style={{
        minHeight: 64,
        padding: '4px 8px',
        ...(visit ? { borderLeft: `4px solid ${VISIT_COLORS[visit.state]}` } : {}),
      }}
      data-testid={`map-household-${cell.id}`}
      data-visit-state={visit?.state}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6 }}>
        <Typography.Text strong>{cell.room}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('map.size', { count: cell.size })}
        </Typography.Text>
      </div>
      <Typography.Text ellipsis style={{ fontSize: 13 }}>
        {cell.headName ?? <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>}
      </Typography.Text>
      <TagList tags={cell.tags} small />
      {visit && (
        <Typography.Text
          style={{ fontSize: 12, color: VISIT_COLORS[visit.state] }}
          title={t('visitMap.visits', {
            met: visit.metCount,
            target: visit.targetVisits ?? 0,
            attempts: visit.attemptCount,
          })}
        >
          {t(`visitMap.state.${visit.state}`)}
        </Typography.Text>
      )}
      {cell.caringMember && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('map.caring', { name: cell.caringMember })}
        </Typography.Text>
      )}
    </Link>
  );
}
