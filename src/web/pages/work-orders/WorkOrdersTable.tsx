import { Empty, Space, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { WorkOrder } from '../../api/work-orders';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatShortTime, formatTime } from '../../lib/time';
import { useCategoryName } from './category-name';
import { useWorkOrderLabels } from './labels';
import { OrderBadges, StatusTag, TimeLeftTag, useNow } from './OrderTags';
import { useRegionPathText } from './RegionPath';
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
  // Widths: the fixed columns take what their longest content needs (in either language) and no
  // more, so 诉求内容 gets the rest; every cell is one line, cut with "…", whole on hover.
  const columns: TableColumnsType<WorkOrder> = [
    {
      title: t('wo.number'),
      dataIndex: 'number',
      // A number names its district (230108-20261206-0010): set a size smaller, in even digits.
      width: 164,
      render: (number: string, order) => (
        <Link
          to={`/work-orders/${order.id}`}
          data-testid={`order-link-${order.number}`}
          style={{ whiteSpace: 'nowrap', fontSize: 13, fontVariantNumeric: 'tabular-nums' }}
        >
          {number}
        </Link>
      ),
    },
    {
      title: t('wo.category'),
      dataIndex: 'categoryName',
      width: 110,
      ellipsis: true,
      render: (_, order) => categoryName(order),
    },
    {
      title: t('wo.place'),
      dataIndex: 'regionName',
      width: 150,
      ellipsis: { showTitle: false },
      render: (_, order) => <PlaceCell order={order} />,
    },
    {
      title: t('wo.description'),
      dataIndex: 'description',
      ellipsis: true,
    },
    {
      title: t('wo.channel'),
      dataIndex: 'channel',
      width: 76,
      ellipsis: true,
      render: (_, o) => labels.channel(o.channel),
    },
    {
      title: t('wo.status'),
      dataIndex: 'status',
      width: 140,
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
      width: 144,
      render: (_, order) => <TimeLeftTag order={order} now={now} />,
    },
    {
      title: t('wo.createdAt'),
      dataIndex: 'createdAt',
      width: 100,
      render: (value: string) => (
        <span style={{ whiteSpace: 'nowrap' }} title={formatTime(value)}>
          {formatShortTime(value, now)}
        </span>
      ),
    },
  ];
  return (
    <ResponsiveTable<WorkOrder>
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

/** 地点 on one line: the last three names of the place and the address, whole on hover. */
function PlaceCell({ order }: { order: WorkOrder }) {
  const path = useRegionPathText(order.regionCode, 3);
  const text = order.address ? `${path} · ${order.address}` : path;
  return (
    <span title={text} data-testid="order-place">
      {path}
      {order.address && <Typography.Text type="secondary"> · {order.address}</Typography.Text>}
    </span>
  );
}
