import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Steps, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type LoanDetail, loanQuery } from '../../api/loans';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { isLent } from './actions';
import { DocumentsCard } from './DocumentsCard';
import { LOAN_ROAD, roadIndexOf, yuan } from './format';
import { LoanActions } from './LoanActions';
import { LoanStatusTags } from './LoansPage';
import { LoanTimeline } from './LoanTimeline';
import { ScheduleCard } from './ScheduleCard';

/** Where a refused or withdrawn application stopped: the status it left, from its trail. */
function stoppedAt(loan: LoanDetail): number {
  const last = [...loan.events].reverse().find((e) => e.toStatus === loan.status && e.fromStatus);
  const from = last?.fromStatus;
  return from ? Math.max(0, (LOAN_ROAD as readonly string[]).indexOf(from)) : 0;
}

/** /loans/:id — one application: its road, particulars, checklist, actions, schedule and trail. */
export function LoanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loan = useQuery(loanQuery(id));
  if (loan.error) return <QueryError error={loan.error} onRetry={() => void loan.refetch()} />;
  const l = loan.data;
  if (!l) return <Card loading />;
  const onRoad = roadIndexOf(l.status);
  const current = onRoad >= 0 ? onRoad : stoppedAt(l);
  const money = (fen: number | null) => (fen === null ? '—' : yuan(fen));
  const percent = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="loan-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="loan-number">{l.number}</span>
            <LoanStatusTags loan={l} />
          </Space>
        }
      >
        <Steps
          size="small"
          responsive
          current={current}
          status={onRoad < 0 ? 'error' : l.status === 'closed' ? 'finish' : 'process'}
          items={LOAN_ROAD.map((step) => ({ title: t(`loans.steps.${step}`) }))}
          style={{ marginBottom: 16 }}
          data-testid="loan-steps"
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('loans.borrower')}>{l.name || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.idNumber')}>{l.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('loans.phone')}>{l.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('loans.amount')}>{yuan(l.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.term')}>
            {t('loans.termMonths', { months: l.termMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.method')}>
            {t(`loans.method.${l.repaymentMethod}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.purpose')}>{l.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('loans.business')}>{l.business}</Descriptions.Item>
          {l.stepDueOn && (
            <Descriptions.Item label={t('loans.stepDue')}>
              <Typography.Text type={l.overdue ? 'danger' : undefined}>
                {l.stepDueOn}
                {l.overdue && ` (${t('loans.overdue')})`}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {isLent(l.status) && (
            <>
              <Descriptions.Item label={t('loans.bank')}>{l.bankName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('loans.contract')}>{l.contractNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('loans.disbursedOn')}>{l.disbursedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('loans.rate')}>{percent(l.annualRateBp)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.subsidyShare')}>
                {percent(l.subsidyShareBp)}
              </Descriptions.Item>
              <Descriptions.Item label={t('loans.outstanding')}>{money(l.outstandingFen)}</Descriptions.Item>
              <Descriptions.Item label={t('loans.bucket')}>
                <Typography.Text
                  type={l.bucket === 'current' ? undefined : 'danger'}
                  data-testid="loan-bucket"
                >
                  {t(`loans.bucket.${l.bucket}`)}
                </Typography.Text>
              </Descriptions.Item>
            </>
          )}
          {l.followUpOrderId && (
            <Descriptions.Item label={t('loans.followUp')}>
              <Link to={`/work-orders/${l.followUpOrderId}`}>{t('loans.followUp')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <LoanActions loan={l} />
        </div>
      </Card>
      {isLent(l.status) && <ScheduleCard loan={l} />}
      <DocumentsCard loan={l} />
      <LoanTimeline events={l.events} />
    </Space>
  );
}
