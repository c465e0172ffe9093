import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space } from 'antd';
import { useParams } from 'react-router';
import { accountQuery, downloadStatement } from '../../api/timebank';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { LedgerTable } from './LedgerTable';
import { StatementDownload } from './StatementDownload';
import { TransferForm } from './TransferForm';

/** /timebank/accounts/:id — one account: balance and bounds, monthly statements, its ledger rows, and a transfer out. */
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
      <Card title={t('timebank.statement')} size="small">
        <StatementDownload fetch={(month, format) => downloadStatement(month, format, data.id)} />
      </Card>
      {hasPermission(me, 'timebank.write') && <TransferForm from={data.id} />}
      <Card title={t('timebank.ledger')} styles={{ body: { padding: 0 } }}>
        <LedgerTable rows={data.ledger} linkCounterparts />
      </Card>
    </Space>
  );
}
