import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { accountQuery, type LedgerRow } from '../../api/timebank';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { TransferForm } from './TransferForm';

/** /timebank/accounts/:id — one account: balance and bounds, its ledger rows, and a transfer out. */
export function AccountPage() {
  const { t } = useI18n();
  const me = useMe();
  const { id = '' } = useParams();
  const account = useQuery(accountQuery(id));
  if (account.isError) return <QueryError error={account.error} onRetry={() => void account.refetch()} />;
  if (!account.data) return <FullPageSpin />;
  const data = account.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={data.ownerName} data-testid="timebank-account">
        <Descriptions column={1}>
          <Descriptions.Item label={t('timebank.kind')}>
            {t(`timebank.kind.${data.ownerKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('timebank.region')}>{data.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('timebank.balance')}>
            <span data-testid="timebank-balance">{data.balanceMinutes}</span>
          </Descriptions.Item>
          <Descriptions.Item label="">
            {t('timebank.bounds', { floor: data.floorMinutes, ceiling: data.ceilingMinutes })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {hasPermission(me, 'timebank.write') && <TransferForm from={data.id} />}
      <Card title={t('timebank.ledger')} styles={{ body: { padding: 0 } }}>
        <Table<LedgerRow>
          rowKey="id"
          dataSource={data.ledger}
          pagination={false}
          locale={{ emptyText: t('timebank.ledgerEmpty') }}
          data-testid="timebank-ledger"
          columns={[
            {
              title: t('timebank.at'),
              dataIndex: 'at',
              render: (at: string) => new Date(at).toLocaleString(),
            },
            { title: t('timebank.minutes'), dataIndex: 'minutes', align: 'right' },
            {
              title: t('timebank.transferKind'),
              dataIndex: 'kind',
              render: (kind: string, row) => (
                <>
                  {kind}
                  {row.reversesId && <Tag style={{ marginLeft: 8 }}>{t('timebank.reversal')}</Tag>}
                </>
              ),
            },
            {
              title: t('timebank.counterpart'),
              dataIndex: 'counterpartAccountId',
              render: (other: string) => <Link to={`/timebank/accounts/${other}`}>{other.slice(-8)}</Link>,
            },
            { title: t('timebank.memo'), dataIndex: 'memo' },
          ]}
        />
      </Card>
    </Space>
  );
}
