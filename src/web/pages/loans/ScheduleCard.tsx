import { Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { LoanDetail, LoanInstalment } from '../../api/loans';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { type InstalmentState, instalmentState, yuan } from './format';
import { RepaymentModal } from './RepaymentModal';

const STATE_COLOURS: Record<InstalmentState, string | undefined> = {
  paid: 'green',
  partial: 'blue',
  late: 'red',
  due: undefined,
};

/** After disbursement: the schedule with each instalment's state in words, repayments, pauses. */
export function ScheduleCard({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const [repaying, setRepaying] = useState(false);
  const today = dayjs().tz(ZONE).format('YYYY-MM-DD');
  const canRepay =
    (loan.status === 'disbursed' || loan.status === 'repaying') &&
    hasPermissionIn(me, 'loan.bank', loan.regionCode);
  return (
    <Card
      size="small"
      title={t('loans.schedule')}
      extra={
        canRepay && (
          <Button size="small" type="primary" onClick={() => setRepaying(true)} data-testid="loan-repay">
            {t('loans.repay')}
          </Button>
        )
      }
      data-testid="loan-schedule"
    >
      <ResponsiveTable<LoanInstalment>
        rowKey="seq"
        size="small"
        dataSource={loan.instalments}
        pagination={loan.instalments.length > 12 ? { pageSize: 12 } : false}
        onRow={() => ({ 'data-testid': 'instalment-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('loans.dueOn'), dataIndex: 'dueOn' },
          { title: t('loans.seq'), dataIndex: 'seq', width: 60 },
          { title: t('loans.principal'), dataIndex: 'principalFen', align: 'right', render: yuan },
          {
            title: t('loans.borrowerInterest'),
            dataIndex: 'borrowerInterestFen',
            align: 'right',
            render: yuan,
          },
          {
            title: t('loans.subsidyInterest'),
            dataIndex: 'subsidyInterestFen',
            align: 'right',
            render: yuan,
          },
          { title: t('loans.paid'), dataIndex: 'paidFen', align: 'right', render: yuan },
          {
            title: t('loans.state'),
            dataIndex: 'paidOn',
            render: (_: string | null, instalment) => {
              const state = instalmentState(instalment, today);
              return (
                <Tag color={STATE_COLOURS[state]} data-testid="instalment-state">
                  {t(`loans.state.${state}`)}
                </Tag>
              );
            },
          },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Typography.Text strong data-testid="loan-outstanding">
          {t('loans.outstanding')}
          {t('common.colon')}
          {yuan(loan.outstandingFen)}
        </Typography.Text>
        {loan.repayments.length > 0 && (
          <List
            size="small"
            header={t('loans.repayments')}
            dataSource={loan.repayments}
            renderItem={(r) => (
              <List.Item>
                {r.paidOn} · {yuan(r.amountFen)}
              </List.Item>
            )}
          />
        )}
        {loan.pauses.length > 0 && (
          <List
            size="small"
            header={t('loans.pauses')}
            dataSource={loan.pauses}
            renderItem={(p) => (
              <List.Item style={{ overflowWrap: 'anywhere' }}>
                {p.toOn
                  ? t('loans.pauseRange', { from: p.fromOn, to: p.toOn })
                  : t('loans.pauseSince', { from: p.fromOn })}
                {' · '}
                {p.reason}
              </List.Item>
            )}
          />
        )}
      </Space>
      {repaying && <RepaymentModal loan={loan} onClose={() => setRepaying(false)} />}
    </Card>
  );
}
