import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { App, Button, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { VOUCHER_STATUSES } from '../../../shared/api/funds';
import {
  approveVoucher,
  fundKeys,
  rejectVoucher,
  type VoucherStatus,
  type VoucherSummary,
  voucherQuery,
  vouchersQuery,
} from '../../api/funds';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ReasonModal } from '../../components/ReasonModal';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { yuan } from './format';

const STATUS_COLOUR: Record<VoucherStatus, string> = {
  pending: 'orange',
  posted: 'green',
  rejected: 'default',
};

/** The organization's vouchers, newest first, by status; a row opens its lines and the approval. */
export function VouchersCard({
  organizationId,
  thresholdFen,
}: {
  organizationId: string;
  thresholdFen: number;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<VoucherStatus | ''>('');
  const vouchers = useInfiniteQuery({
    ...vouchersQuery(organizationId, status),
    placeholderData: keepPreviousData,
  });
  const rows = vouchers.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<VoucherStatus | ''>
          value={status}
          onChange={setStatus}
          aria-label={t('funds.statusLabel')}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('funds.allStatuses') },
            ...VOUCHER_STATUSES.map((s) => ({ value: s, label: t(`funds.status.${s}`) })),
          ]}
          data-testid="voucher-status-filter"
        />
        <Typography.Text type="secondary">
          {t('funds.thresholdHint', { amount: yuan(thresholdFen) })}
        </Typography.Text>
      </Space>
      {vouchers.isError ? (
        <QueryError error={vouchers.error} onRetry={() => void vouchers.refetch()} />
      ) : (
        <>
          <ResponsiveTable<VoucherSummary>
            rowKey="id"
            size="small"
            loading={vouchers.isPending || vouchers.isPlaceholderData}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('funds.noVouchers') }}
            expandable={{ expandedRowRender: (v) => <VoucherDetail id={v.id} /> }}
            onRow={() => ({ 'data-testid': 'voucher-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('funds.number'), dataIndex: 'number' },
              { title: t('funds.date'), dataIndex: 'date' },
              { title: t('funds.summary'), dataIndex: 'summary' },
              {
                title: t('funds.amount'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (fen: number) => yuan(fen),
              },
              {
                title: t('funds.statusLabel'),
                dataIndex: 'status',
                render: (s: VoucherStatus) => (
                  <Tag color={STATUS_COLOUR[s]} data-testid="voucher-status">
                    {t(`funds.status.${s}`)}
                  </Tag>
                ),
              },
              { title: t('funds.maker'), dataIndex: 'madeByName' },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={vouchers.hasNextPage}
            loading={vouchers.isFetchingNextPage}
            onLoadMore={() => void vouchers.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

/** A voucher's lines, who made and approved it, and approve / send back when the caller may. */
function VoucherDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { message } = App.useApp();
  const voucher = useQuery(voucherQuery(id));
  const [rejecting, setRejecting] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: fundKeys.all });
  const approve = useMutation({
    mutationFn: () => approveVoucher(id),
    onSuccess: () => {
      void message.success(t('funds.approved'));
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (voucher.isPending) return null;
  if (voucher.isError) return <QueryError error={voucher.error} onRetry={() => void voucher.refetch()} />;
  const v = voucher.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="voucher-detail">
      <Table
        rowKey={(line) => `${line.accountId}-${line.debitFen}-${line.creditFen}-${line.memo}`}
        size="small"
        pagination={false}
        dataSource={v.lines}
        columns={[
          { title: t('funds.account'), render: (_, l) => `${l.accountCode} ${l.accountName}` },
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
          { title: t('funds.memo'), dataIndex: 'memo' },
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('funds.attachments')}>{v.attachmentCount}</Descriptions.Item>
        <Descriptions.Item label={t('funds.approver')}>{v.approvedByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('funds.note')}>{v.note ?? '—'}</Descriptions.Item>
      </Descriptions>
      {v.canApprove && (
        <Space>
          <Button
            type="primary"
            loading={approve.isPending}
            onClick={() => approve.mutate()}
            data-testid="voucher-approve"
          >
            {t('funds.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)} data-testid="voucher-reject">
            {t('funds.reject')}
          </Button>
        </Space>
      )}
      {rejecting && (
        <ReasonModal
          title={t('funds.reject')}
          hint={t('funds.rejectHint')}
          okText={t('funds.reject')}
          onSubmit={(reason) => rejectVoucher(id, reason).then(refresh)}
          onClose={() => setRejecting(false)}
        />
      )}
    </Space>
  );
}
