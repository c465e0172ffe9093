import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { Household } from '../../api/types';
import { householdOrdersQuery } from '../../api/work-orders';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useCategoryName } from '../work-orders/category-name';
import { StatusTag } from '../work-orders/OrderTags';

/**
 * 走访与工单: the household's work orders the reader may see, newest first, each linked to its page;
 * and the other contacts the server lists (visits, once recorded), merged by time.
 */
export function ContactHistoryCard({ household }: { household: Household }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const orders = useQuery(householdOrdersQuery(household.id));
  const entries = [
    ...(orders.data?.items ?? []).map((order) => ({
      key: `order-${order.id}`,
      at: order.createdAt,
      title: (
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text type="secondary">{formatTime(order.createdAt)}</Typography.Text>
          <Link to={`/work-orders/${order.id}`} data-testid={`contact-order-${order.number}`}>
            {t('household.orderEntry', { number: order.number, category: categoryName(order) })}
          </Link>
          <StatusTag status={order.status} />
        </Flex>
      ),
      content: order.description,
    })),
    ...household.contactHistory.map((entry) => ({
      key: `${entry.at}-${entry.kind}`,
      at: entry.at,
      title: `${formatTime(entry.at)} · ${entry.kind}`,
      content: entry.summary,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card title={t('household.contactHistory')} style={{ marginTop: 16 }} data-testid="contact-history">
      {orders.isError && <QueryError error={orders.error} onRetry={() => void orders.refetch()} />}
      {!orders.isPending && entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.contactEmpty')} />
      ) : (
        <Timeline
          items={entries.map(({ key, title, content }) => ({
            key,
            title,
            content: (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {content}
              </Typography.Paragraph>
            ),
          }))}
        />
      )}
    </Card>
  );
}
