import { Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkOrder } from '../../api/work-orders';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useCategoryName } from './category-name';
import { useWorkOrderLabels } from './labels';
import { OrderBadges, StatusTag, TimeLeftTag, useNow } from './OrderTags';
import { RegionPath } from './RegionPath';
import { timeLeft } from './time-left';

/** Orders in the server's order (by time left, or newest first); overdue rows in red. */
export function WorkOrdersTable({
  orders,
  loading,
  empty,
}: {
  orders: WorkOrder[];
  loading: boolean;
  /** What an empty list says (by default: no order matches). */
  empty?: React.ReactNode;
}) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const labels = useWorkOrderLabels();
  const now = useNow();
  const columns: TableColumnsType<WorkOrder> = [
    {
      title: t('wo.number'),
      dataIndex: 'number',
      width: 150,
      render: (number: string, order) => (
        <Link
          to={`/work-orders/${order.id}`}
          data-testid={`order-link-${order.number}`}
          style={{ whiteSpace: 'nowrap' }}
        >
          {number}
        </Link>
      ),
    },
    {
      title: t('wo.category'),
      dataIndex: 'categoryName',
      render: (_, order) => categoryName(order),
      width: 140,
    },
    {
      title: t('wo.place'),
      dataIndex: 'regionName',
      render: (_, order) => (
        <span>
          <RegionPath code={order.regionCode} last={3} />
          {order.address && <Typography.Text type="secondary"> · {order.address}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('wo.description'),
      dataIndex: 'description',
      ellipsis: true,
    },
    { title: t('wo.channel'), dataIndex: 'channel', width: 80, render: (_, o) => labels.channel(o.channel) },
    {
      title: t('wo.status'),
      dataIndex: 'status',
      width: 180,
      render: (_, order) => (
        <Space size={0} wrap>
          <StatusTag status={order.status} />
          <OrderBadges order={order} />
        </Space>
      ),
    },
    {
      title: t('wo.timeLeft'),
      dataIndex: 'dueAt',
      width: 150,
      render: (_, order) => <TimeLeftTag order={order} now={now} />,
    },
    {
      title: t('wo.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(value)}</span>,
    },
  ];
  return (
    <Table<WorkOrder>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={orders}
      loading={loading}
      pagination={false}
      rowClassName={(order) => (timeLeft(order, now)?.urgency === 'overdue' ? 'lx-overdue' : '')}
      onRow={(order) => ({ 'data-testid': `order-row-${order.number}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.list.empty')} />,
      }}
      data-testid="work-orders-table"
    />
  );
}
