import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tag } from 'antd';
import { closePeriod, fundKeys, type Period, periodsQuery } from '../../api/funds';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { beijingMonth } from './format';

/** The ledger's months: closed or open, their vouchers, and 月结 for an ended month. */
export function PeriodsCard({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const periods = useQuery(periodsQuery(organizationId));
  const close = useMutation({
    mutationFn: (month: string) => closePeriod(organizationId, month),
    onSuccess: () => {
      void message.success(t('funds.closed'));
      return client.invalidateQueries({ queryKey: fundKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (periods.isError) return <QueryError error={periods.error} onRetry={() => void periods.refetch()} />;
  const current = beijingMonth();
  return (
    <ResponsiveTable<Period>
      rowKey="period"
      size="small"
      loading={periods.isPending}
      dataSource={periods.data ?? []}
      pagination={false}
      onRow={() => ({ 'data-testid': 'period-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('funds.period'), dataIndex: 'period' },
        { title: t('funds.postedCount'), dataIndex: 'posted' },
        { title: t('funds.pendingCount'), dataIndex: 'pending' },
        {
          title: t('funds.statusLabel'),
          dataIndex: 'closed',
          render: (closed: boolean, p) =>
            closed ? (
              <Tag color="blue">{t('funds.closedBy', { name: p.closedByName ?? '—' })}</Tag>
            ) : hasPermission(me, 'fund.approve') && p.period < current ? (
              <Popconfirm
                title={t('funds.closeConfirm', { period: p.period })}
                onConfirm={() => close.mutate(p.period)}
              >
                <Button size="small" data-testid="close-period">
                  {t('funds.close')}
                </Button>
              </Popconfirm>
            ) : (
              <Tag>{t('funds.open')}</Tag>
            ),
        },
      ]}
    />
  );
}
