import { Tag } from 'antd';
import type { LedgerRow } from '../../api/points';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';

/** A member's ledger rows of a year, newest first: date, source, points (deductions in red), reason. */
export function LedgerTable({ rows }: { rows: LedgerRow[] }) {
  const { t } = useI18n();
  return (
    <ResponsiveTable<LedgerRow>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('points.noRows') }}
      columns={[
        { title: t('points.date'), dataIndex: 'onDate', width: 120 },
        {
          title: t('points.source'),
          dataIndex: 'sourceKind',
          render: (kind: LedgerRow['sourceKind']) => <Tag>{t(`points.kind.${kind}`)}</Tag>,
        },
        {
          title: t('points.points'),
          dataIndex: 'points',
          render: (points: number) =>
            points < 0 ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{points}</span> : `+${points}`,
        },
        { title: t('points.reason'), dataIndex: 'reason' },
      ]}
      data-testid="points-ledger"
    />
  );
}
