import { Table, Typography } from 'antd';
import type { Cockpit, IndicatorDefinition, Ranked } from '../../api/cockpit';
import { useI18n } from '../../i18n/I18nProvider';
import { formatValue, labelOf } from './format';

/** For every indicator: the best and the worst child region, with their values. */
export function BestWorstTable({ cockpit }: { cockpit: Cockpit }) {
  const { t, language } = useI18n();
  const cell = (
    indicator: IndicatorDefinition,
    ranked: Ranked | null | undefined,
    type: 'success' | 'danger',
  ) =>
    ranked ? (
      <span>
        {ranked.name} <Typography.Text type={type}>{formatValue(indicator, ranked.value, t)}</Typography.Text>
      </span>
    ) : (
      '—'
    );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={cockpit.indicators}
      data-testid="cockpit-best-worst"
      columns={[
        { title: t('cockpit.indicator'), render: (_, i) => labelOf(i, language), width: '30%' },
        { title: t('cockpit.best'), render: (_, i) => cell(i, cockpit.rankings[i.code]?.best, 'success') },
        { title: t('cockpit.worst'), render: (_, i) => cell(i, cockpit.rankings[i.code]?.worst, 'danger') },
      ]}
    />
  );
}
