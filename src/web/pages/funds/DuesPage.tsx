import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { DUES_CATEGORIES } from '../../../shared/api/funds';
import {
  type ArrearsItem,
  arrearsQuery,
  calculateDues,
  type DuesCategory,
  duesQuery,
  fundKeys,
  notifyArrears,
} from '../../api/funds';
import { LoadMore } from '../../components/LoadMore';
import { MemberPicker } from '../../components/MemberPicker';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { DuesBaseModal, DuesPaymentModal } from './DuesModals';
import { fenOf, yuan } from './format';

/** /dues — 党费: the calculator, one member's base and records, and the members in arrears. */
export function DuesPage() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dues-page">
      <Calculator />
      <MemberDues />
      <Card title={t('dues.arrears')}>
        <ArrearsList />
      </Card>
      <Typography.Text type="secondary">{t('dues.rulesNote')}</Typography.Text>
    </Space>
  );
}

function Calculator() {
  const { t } = useI18n();
  const [category, setCategory] = useState<DuesCategory>('in_service');
  const [income, setIncome] = useState<number | null>(null);
  const result = useMutation({ mutationFn: () => calculateDues(category, fenOf(income)) });
  return (
    <Card title={t('dues.calculator')}>
      <Space wrap>
        <Select<DuesCategory>
          value={category}
          onChange={setCategory}
          aria-label={t('dues.categoryLabel')}
          style={{ width: 200 }}
          options={DUES_CATEGORIES.map((c) => ({ value: c, label: t(`dues.category.${c}`) }))}
          data-testid="dues-category"
        />
        <InputNumber
          min={0}
          precision={2}
          value={income}
          onChange={setIncome}
          placeholder={t('dues.income')}
          aria-label={t('dues.income')}
          style={{ width: 200 }}
          data-testid="dues-income"
        />
        <Button
          type="primary"
          onClick={() => result.mutate()}
          loading={result.isPending}
          data-testid="dues-calculate"
        >
          {t('dues.calculate')}
        </Button>
        {result.data && (
          <Typography.Text strong data-testid="dues-result">
            {t('dues.result', {
              amount: yuan(result.data.monthlyFen),
              rate: result.data.rateBp === null ? '—' : `${result.data.rateBp / 100}%`,
            })}
          </Typography.Text>
        )}
        {result.isError && <Typography.Text type="danger">{errorMessage(result.error, t)}</Typography.Text>}
      </Space>
    </Card>
  );
}

function MemberDues() {
  const { t } = useI18n();
  const me = useMe();
  const [member, setMember] = useState('');
  const [modal, setModal] = useState<'base' | 'pay' | null>(null);
  const record = useQuery(duesQuery(member));
  const writer = hasPermission(me, 'dues.write');
  const r = record.data;
  return (
    <Card title={t('dues.memberRecords')}>
      <Form.Item label={t('dues.member')} style={{ maxWidth: 480 }}>
        <MemberPicker
          value={member || undefined}
          onChange={(id) => setMember(id ?? '')}
          testId="dues-member"
        />
      </Form.Item>
      {record.isError && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="dues-record">
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('dues.organization')}>{r.organizationName}</Descriptions.Item>
            <Descriptions.Item label={t('dues.monthly')}>
              {r.base
                ? `${yuan(r.base.monthlyFen)}（${t(`dues.category.${r.base.category}`)}）`
                : t('dues.noBase')}
            </Descriptions.Item>
            <Descriptions.Item label={t('dues.earliest')}>{r.earliestPayable}</Descriptions.Item>
          </Descriptions>
          {r.unpaidMonths.length > 0 && (
            <Space wrap size={4}>
              {t('dues.unpaid')}
              {r.unpaidMonths.map((m) => (
                <Tag key={m} color={m < r.earliestPayable ? 'red' : 'orange'}>
                  {m}
                </Tag>
              ))}
            </Space>
          )}
          {writer && (
            <Space>
              <Button onClick={() => setModal('base')} data-testid="dues-set-base">
                {t('dues.setBase')}
              </Button>
              <Button
                type="primary"
                disabled={!r.base}
                onClick={() => setModal('pay')}
                data-testid="dues-pay"
              >
                {t('dues.recordPayment')}
              </Button>
            </Space>
          )}
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={r.payments}
            locale={{ emptyText: t('dues.noPayments') }}
            columns={[
              { title: t('dues.month'), dataIndex: 'month' },
              {
                title: t('dues.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (f: number) => yuan(f),
              },
              { title: t('dues.paidOn'), dataIndex: 'paidOn' },
              {
                title: t('dues.channel'),
                dataIndex: 'channel',
                render: (c: 'self' | 'recorded') => t(`dues.channel.${c}`),
              },
              { title: t('dues.recordedBy'), dataIndex: 'recordedBy' },
            ]}
          />
        </Space>
      )}
      {modal === 'base' && <DuesBaseModal memberId={member} onClose={() => setModal(null)} />}
      {modal === 'pay' && r && <DuesPaymentModal record={r} onClose={() => setModal(null)} />}
    </Card>
  );
}

function ArrearsList() {
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const arrears = useInfiniteQuery({ ...arrearsQuery, placeholderData: keepPreviousData });
  const rows = arrears.data?.pages.flatMap((p) => p.items) ?? [];
  const notify = useMutation({
    mutationFn: notifyArrears,
    onSuccess: (result) => {
      void message.success(t('dues.notified', { members: result.members, notified: result.notified }));
      return client.invalidateQueries({ queryKey: fundKeys.arrears });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (arrears.isError) return <QueryError error={arrears.error} onRetry={() => void arrears.refetch()} />;
  return (
    <>
      {hasPermission(me, 'dues.write') && (
        <Button
          onClick={() => notify.mutate()}
          loading={notify.isPending}
          style={{ marginBottom: 12 }}
          data-testid="dues-notify"
        >
          {t('dues.notify')}
        </Button>
      )}
      <ResponsiveTable<ArrearsItem>
        rowKey="memberId"
        size="small"
        loading={arrears.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('dues.noArrears') }}
        onRow={() => ({ 'data-testid': 'arrears-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('dues.member'), dataIndex: 'name' },
          { title: t('dues.organization'), dataIndex: 'organizationName' },
          { title: t('dues.lastPaid'), dataIndex: 'lastPaidMonth', render: (m: string | null) => m ?? '—' },
          {
            title: t('dues.unpaidCount'),
            dataIndex: 'unpaidCount',
            render: (n: number) => <Typography.Text type="danger">{t('dues.months', { n })}</Typography.Text>,
          },
        ]}
      />
      <LoadMore
        count={rows.length}
        hasMore={arrears.hasNextPage}
        loading={arrears.isFetchingNextPage}
        onLoadMore={() => void arrears.fetchNextPage()}
      />
    </>
  );
}
