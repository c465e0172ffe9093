import { Typography } from 'antd';
import { Link } from 'react-router';
import type { HouseholdCell } from '../../../api/types';
import { TagList } from '../../../components/TagList';
import { useI18n } from '../../../i18n/I18nProvider';

/** One room of the building diagram: head of household, size, tags, caring member. */
export function HouseholdTile({ cell }: { cell: HouseholdCell }) {
  const { t } = useI18n();
  return (
    <Link
      to={`/households/${cell.id}`}
      className="lx-tile"
      style={{ minHeight: 64, padding: '4px 8px' }}
      data-testid={`map-household-${cell.id}`}
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
      {cell.caringMember && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('map.caring', { name: cell.caringMember })}
        </Typography.Text>
      )}
    </Link>
  );
}
