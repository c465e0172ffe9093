import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { type FundAccount, statementQuery } from '../../api/funds';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { beijingMonth, yuan } from './format';

type Row = {
  accountId: string;
  code: string;
  name: string;
  openingFen: number;
  debitFen: number;
  creditFen: number;
  closingFen: number;
};

/** Balances over a range of months per account; with one account chosen, its entries too. */
export function StatementCard({
  organizationId,
  accounts,
}: {
  organizationId: string;
  accounts: readonly FundAccount[];
}) {
  const { t } = useI18n();
  const month = beijingMonth();
  const [from, setFrom] = useState(`${month.slice(0, 4)}-01`);
  const [to, setTo] = useState(month);
  const [account, setAccount] = useState('');
  const valid = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to);
  const statement = useQuery({ ...statementQuery(organizationId, from, to, account), enabled: valid });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-label={t('funds.from')}
          style={{ width: 110 }}
          addonBefore={t('funds.from')}
        />
        <Input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-label={t('funds.to')}
          style={{ width: 110 }}
          addonBefore={t('funds.to')}
        />
        <Select
          value={account}
          onChange={setAccount}
          aria-label={t('funds.account')}
          style={{ width: 260 }}
          options={[
            { value: '', label: t('funds.allAccounts') },
            ...accounts.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
          ]}
          data-testid="statement-account"
        />
      </Space>
      {statement.isError ? (
        <QueryError error={statement.error} onRetry={() => void statement.refetch()} />
      ) : (
        <ResponsiveTable<Row>
          rowKey="accountId"
          size="small"
          loading={statement.isPending}
          dataSource={statement.data?.rows ?? []}
          pagination={false}
          columns={[
            { title: t('funds.code'), dataIndex: 'code' },
            { title: t('funds.accountName'), dataIndex: 'name' },
            {
              title: t('funds.opening'),
              dataIndex: 'openingFen',
              align: 'right',
              render: (f: number) => yuan(f),
            },
            {
              title: t('funds.debit'),
              dataIndex: 'debitFen',
              align: 'right',
              render: (f: number) => yuan(f),
            },
            {
              title: t('funds.credit'),
              dataIndex: 'creditFen',
              align: 'right',
              render: (f: number) => yuan(f),
            },
            {
              title: t('funds.closing'),
              dataIndex: 'closingFen',
              align: 'right',
              render: (f: number) => yuan(f),
            },
          ]}
        />
      )}
      {account && statement.data && (
        <Table
          rowKey={(e) => `${e.voucherId}-${e.debitFen}-${e.creditFen}`}
          size="small"
          pagination={false}
          dataSource={statement.data.entries}
          data-testid="statement-entries"
          columns={[
            { title: t('funds.date'), dataIndex: 'date' },
            { title: t('funds.number'), dataIndex: 'number' },
            { title: t('funds.summary'), dataIndex: 'summary' },
            {
              title: t('funds.debit'),
              dataIndex: 'debitFen',
              align: 'right',
              render: (f: number) => (f ? yuan(f) : ''),
            },
            {
              title: t('funds.credit'),
              dataIndex: 'creditFen',
              align: 'right',
              render: (f: number) => (f ? yuan(f) : ''),
            },
            {
              title: t('funds.balance'),
              dataIndex: 'balanceFen',
              align: 'right',
              render: (f: number) => yuan(f),
            },
          ]}
        />
      )}
    </Space>
  );
}
