import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LOAN_STATUSES } from '../../../shared/api/loans';
import { type LoanStatus, type LoanSummary, loansQuery } from '../../api/loans';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { maskName, yuan } from './format';
import { NewLoanModal } from './NewLoanModal';

const isStatus = (value: string | null): value is LoanStatus =>
  (LOAN_STATUSES as readonly (string | null)[]).includes(value);

/** /loans — the applications in scope, newest first, filtered by status, a page at a time. */
export function LoansPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status');
  const status: LoanStatus | '' = isStatus(wanted) ? wanted : '';
  const [creating, setCreating] = useState(false);
  const loans = useInfiniteQuery({ ...loansQuery(status), placeholderData: keepPreviousData });
  const rows = loans.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('nav.loans')}
      extra={
        hasPermission(me, 'loan.apply') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-loan">
            {t('loans.new')}
          </Button>
        )
      }
      data-testid="loans-page"
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<LoanStatus | ''>
          aria-label={t('loans.status')}
          value={status}
          onChange={(next) => setParams(next ? { status: next } : {}, { replace: true })}
          style={{ width: 180, maxWidth: '100%' }}
          options={[
            { value: '', label: t('loans.allStatuses') },
            ...LOAN_STATUSES.map((s) => ({ value: s, label: t(`loans.status.${s}`) })),
          ]}
          data-testid="loan-status-filter"
        />
      </Flex>
      {loans.isError ? (
        <QueryError error={loans.error} onRetry={() => void loans.refetch()} />
      ) : (
        <>
          <ResponsiveTable<LoanSummary>
            rowKey="id"
            size="small"
            loading={loans.isPending || loans.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('loans.empty') }}
            onRow={() => ({ 'data-testid': 'loan-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('loans.number'),
                dataIndex: 'number',
                render: (number: string, loan) => (
                  <Link to={`/loans/${loan.id}`} data-testid="loan-link">
                    {number}
                  </Link>
                ),
              },
              { title: t('loans.borrower'), dataIndex: 'name', render: (name: string) => maskName(name) },
              {
                title: t('loans.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (fen: number) => yuan(fen),
              },
              {
                title: t('loans.term'),
                dataIndex: 'termMonths',
                render: (months: number) => t('loans.termMonths', { months }),
              },
              {
                title: t('loans.status'),
                dataIndex: 'status',
                render: (_: LoanStatus, loan) => <LoanStatusTags loan={loan} />,
              },
              {
                title: t('loans.bucket'),
                dataIndex: 'bucket',
                render: (bucket: LoanSummary['bucket'], loan) =>
                  loan.status === 'disbursed' || loan.status === 'repaying' ? (
                    <Typography.Text type={bucket === 'current' ? undefined : 'danger'}>
                      {t(`loans.bucket.${bucket}`)}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={loans.hasNextPage}
            loading={loans.isFetchingNextPage}
            onLoadMore={() => void loans.fetchNextPage()}
          />
        </>
      )}
      {creating && <NewLoanModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

/** The status in words, and beside it in words (not colour alone) a late step or a paused clock. */
export function LoanStatusTags({ loan }: { loan: LoanSummary }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag data-testid="loan-status">{t(`loans.status.${loan.status}`)}</Tag>
      {loan.overdue && (
        <Tag color="red" data-testid="loan-overdue">
          {t('loans.overdue')}
        </Tag>
      )}
      {loan.paused && <Tag color="orange">{t('loans.paused')}</Tag>}
    </Space>
  );
}
