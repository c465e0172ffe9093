import { GiftOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import {
  downloadOwnStatement,
  joinTimebank,
  type PortalTimebank,
  portalTimebankKeys,
  portalTimebankQuery,
} from '../../api/portal-timebank';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { signedMinutes, transferKindLabel } from '../timebank/labels';
import { StatementDownload } from '../timebank/StatementDownload';
import { PortalCard, PortalPage } from './PortalLayout';
import { shortTime } from './portal-time';
import { PortalQueryError, useSessionEnded } from './session';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * /m/timebank — the resident's own 爱心银行: the balance, the way to the help board and the love
 * supermarket, the monthly statement, the latest movements. A resident whose phone is not linked
 * to the register learns why there is no account; a linked one joins with one tap.
 */
export function PortalTimebankPage() {
  const { t } = useI18n();
  const own = useQuery(portalTimebankQuery);

  return (
    <PortalPage title={t('portal.tb.title')} testId="portal-timebank">
      {own.isPending && <FullPageSpin />}
      {own.isError && <PortalQueryError error={own.error} onRetry={() => void own.refetch()} />}
      {own.data && !own.data.linked && (
        <PortalCard>
          <Alert type="info" showIcon title={t('portal.tb.notLinked')} data-testid="portal-tb-not-linked" />
        </PortalCard>
      )}
      {own.data?.linked && !own.data.account && <JoinCard />}
      {own.data?.account && <AccountView data={own.data} account={own.data.account} />}
    </PortalPage>
  );
}

function JoinCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const join = useMutation({
    mutationFn: joinTimebank,
    onSuccess: async (account) => {
      void message.success(t('portal.tb.joined', { minutes: account.balanceMinutes }));
      await queryClient.invalidateQueries({ queryKey: portalTimebankKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });
  return (
    <PortalCard>
      <Typography.Paragraph>{t('portal.tb.joinHint')}</Typography.Paragraph>
      <Button
        type="primary"
        block
        loading={join.isPending}
        onClick={() => join.mutate()}
        style={{ height: 52, fontSize: 17 }}
        data-testid="portal-tb-join"
      >
        {t('portal.tb.join')}
      </Button>
    </PortalCard>
  );
}

function AccountView({
  data,
  account,
}: {
  data: PortalTimebank;
  account: NonNullable<PortalTimebank['account']>;
}) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const ended = useSessionEnded();
  return (
    <>
      <PortalCard>
        <Typography.Text type="secondary">{t('portal.tb.balance')}</Typography.Text>
        <Flex align="baseline" gap={8} style={{ margin: '4px 0 2px' }}>
          <Typography.Text
            style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.1 }}
            data-testid="portal-tb-balance"
          >
            {account.balanceMinutes}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 16 }}>{t('timebank.minutes')}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {account.ownerName} · {t('portal.tb.hoursAbout', { hours: hours(account.balanceMinutes) })}
        </Typography.Text>
        <Flex gap={12} style={{ marginTop: 16 }}>
          <Button
            icon={<TeamOutlined />}
            onClick={() => navigate('/m/timebank/board')}
            style={{ flex: 1, height: 48 }}
            data-testid="portal-tb-board"
          >
            {t('portal.tb.board')}
          </Button>
          <Button
            type="primary"
            icon={<GiftOutlined />}
            onClick={() => navigate('/m/timebank/market')}
            style={{ flex: 1, height: 48 }}
            data-testid="portal-tb-market"
          >
            {t('portal.tb.market')}
          </Button>
        </Flex>
      </PortalCard>
      <PortalCard title={t('portal.tb.statement')}>
        <StatementDownload fetch={downloadOwnStatement} onError={ended} block />
      </PortalCard>
      <PortalCard title={t('portal.tb.latest')} testId="portal-tb-ledger">
        {data.ledger.length === 0 && <Empty description={t('portal.tb.noRows')} />}
        {data.ledger.map((row) => (
          <Flex
            key={row.id}
            justify="space-between"
            align="center"
            gap={8}
            style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{transferKindLabel(row.kind, language)}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
                {[row.counterpartName, row.memo].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {shortTime(row.at)}
              </Typography.Text>
            </div>
            <Typography.Text
              strong
              style={{ fontSize: 17, color: row.minutes > 0 ? '#237804' : '#cf1322', whiteSpace: 'nowrap' }}
            >
              {signedMinutes(row.minutes)}
            </Typography.Text>
          </Flex>
        ))}
      </PortalCard>
    </>
  );
}
