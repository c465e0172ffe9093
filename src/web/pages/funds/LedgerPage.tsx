import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { accountsQuery, downloadAnnualReport, type FundAccount, fundKeys, openLedger } from '../../api/funds';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { yuan } from './format';
import { NewVoucherModal } from './NewVoucherModal';
import { PeriodsCard } from './PeriodsCard';
import { StatementCard } from './StatementCard';
import { VouchersCard } from './VouchersCard';

/** /funds/:id — one organization's ledger: accounts and balances, vouchers, months, statement, report. */
export function LedgerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const accounts = useQuery(accountsQuery(id));
  const [making, setMaking] = useState(false);
  const open = useMutation({
    mutationFn: () => openLedger(id),
    onSuccess: () => client.invalidateQueries({ queryKey: fundKeys.all }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const report = async () => {
    const year = new Date().getFullYear();
    try {
      saveFile(await downloadAnnualReport(id, year));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };

  if (accounts.isPending) return <FullPageSpin />;
  if (accounts.isError) return <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />;
  const ledger = accounts.data;
  const writer = hasPermission(me, 'fund.write');
  return (
    <Card
      title={`${ledger.organizationName} · ${t('funds.ledger')}`}
      data-testid="ledger-page"
      extra={
        ledger.opened && (
          <Space wrap>
            <Button onClick={() => void report()} data-testid="fund-report">
              {t('funds.annualReport')}
            </Button>
            {writer && (
              <Button type="primary" onClick={() => setMaking(true)} data-testid="new-voucher">
                {t('funds.newVoucher')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!ledger.opened ? (
        <Empty description={t('funds.notOpened')}>
          {writer && (
            <Button
              type="primary"
              loading={open.isPending}
              onClick={() => open.mutate()}
              data-testid="open-ledger"
            >
              {t('funds.openLedger')}
            </Button>
          )}
        </Empty>
      ) : (
        <Tabs
          items={[
            {
              key: 'accounts',
              label: t('funds.accounts'),
              children: (
                <ResponsiveTable<FundAccount>
                  rowKey="id"
                  size="small"
                  dataSource={ledger.items}
                  pagination={false}
                  onRow={() => ({ 'data-testid': 'account-row' }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { title: t('funds.code'), dataIndex: 'code' },
                    { title: t('funds.accountName'), dataIndex: 'name' },
                    {
                      title: t('funds.type'),
                      dataIndex: 'type',
                      render: (type: FundAccount['type']) => t(`funds.type.${type}`),
                    },
                    {
                      title: t('funds.fund'),
                      dataIndex: 'fund',
                      render: (fund: FundAccount['fund'], a) => (
                        <Space size={4}>
                          {t(`funds.fund.${fund}`)}
                          {a.restricted && <Tag>{t('funds.restricted')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('funds.balance'),
                      dataIndex: 'balanceFen',
                      align: 'right',
                      render: (fen: number) => <span data-testid="account-balance">{yuan(fen)}</span>,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'vouchers',
              label: t('funds.vouchers'),
              children: <VouchersCard organizationId={id} thresholdFen={ledger.thresholdFen} />,
            },
            { key: 'periods', label: t('funds.periods'), children: <PeriodsCard organizationId={id} /> },
            {
              key: 'statement',
              label: t('funds.statement'),
              children: <StatementCard organizationId={id} accounts={ledger.items} />,
            },
          ]}
        />
      )}
      {making && (
        <NewVoucherModal organizationId={id} accounts={ledger.items} onClose={() => setMaking(false)} />
      )}
    </Card>
  );
}
