import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, type DescriptionsProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { categoriesQuery, hotlinesQuery } from '../../../api/service-catalogue';
import type { WorkOrderDetail } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { hasPermission } from '../../../session/permissions';
import { useMe } from '../../../session/useMe';
import { AttributeValues } from '../AttributeFields';
import { useCategoryName } from '../category-name';
import { useWorkOrderLabels } from '../labels';
import { RegionPath, UnitName } from '../RegionPath';
import { PublicDescription } from './PublicDescription';

const SATISFACTION_COLORS = { satisfied: 'green', basically_satisfied: 'blue', unsatisfied: 'red' } as const;

/** Who holds the order now: a person (known by name once they signed) or a unit. */
function holderOf(order: WorkOrderDetail, t: ReturnType<typeof useI18n>['t']) {
  if (!order.assigneeUserId) return <UnitName code={order.handlerRegionCode} />;
  const lastDispatch = order.events.findLastIndex((e) => e.action === 'dispatch');
  const signer = order.events.slice(lastDispatch + 1).find((e) => e.action === 'sign');
  return (
    <span>
      <UnitName code={order.handlerRegionCode} /> · {signer ? signer.actorName : t('wo.assignedNotSigned')}
    </span>
  );
}

/** The order's facts: what, where, who asked, deadlines, who holds it, and the outcome. */
export function OrderFacts({ order }: { order: WorkOrderDetail }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const me = useMe();
  const labels = useWorkOrderLabels();
  const categories = useQuery(categoriesQuery);
  const hotlines = useQuery({ ...hotlinesQuery, enabled: order.hotlineId !== null });
  const hotline = hotlines.data?.find((h) => h.id === order.hotlineId);
  const attributes = categories.data?.find((c) => c.code === order.categoryCode)?.attributes ?? [];
  // Until it is signed, the time to sign matters; afterwards it does not.
  const signDue = order.status === 'dispatched' ? order.signDueAt : null;
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'category', label: t('wo.category'), children: categoryName(order) },
    {
      key: 'channel',
      label: t('wo.channel'),
      children: hotline
        ? `${labels.channel(order.channel)} ${hotline.number}`
        : labels.channel(order.channel),
    },
    {
      key: 'place',
      label: t('wo.place'),
      span: 2,
      children: (
        <span>
          <RegionPath code={order.regionCode} testId="order-place" />
          {order.address && ` · ${order.address}`}
          {order.householdId && hasPermission(me, 'person.read') && (
            <>
              {' '}
              <Link to={`/households/${order.householdId}`}>{t('wo.household')}</Link>
            </>
          )}
        </span>
      ),
    },
    { key: 'contact', label: t('wo.contactName'), children: order.contactName || '—' },
    { key: 'phone', label: t('wo.contactPhone'), children: order.contactPhone || '—' },
    { key: 'created', label: t('wo.createdAt'), children: formatTime(order.createdAt) },
    { key: 'due', label: t('wo.deadline'), children: formatTime(order.dueAt) },
    {
      key: 'holder',
      label: t('wo.holder'),
      span: signDue ? 1 : 2,
      children: holderOf(order, t),
    },
    {
      key: 'description',
      label: t('wo.description'),
      span: 2,
      children: <div style={{ whiteSpace: 'pre-wrap' }}>{order.description}</div>,
    },
  ];
  items.push({
    key: 'public',
    label: t('wo.public.label'),
    span: 2,
    children: <PublicDescription order={order} />,
  });
  if (signDue) {
    items.splice(items.length - 1, 0, {
      key: 'signDue',
      label: t('wo.signDue'),
      children: formatTime(signDue),
    });
  }
  if (Object.keys(order.attributes).length > 0) {
    items.push({
      key: 'attributes',
      label: t('wo.attributes'),
      span: 2,
      children: <AttributeValues attributes={attributes} values={order.attributes} />,
    });
  }
  if (order.resolution) {
    items.push({
      key: 'resolution',
      label: t('wo.resolution'),
      span: 2,
      children: <div style={{ whiteSpace: 'pre-wrap' }}>{order.resolution}</div>,
    });
  }
  if (order.satisfaction) {
    items.push({
      key: 'satisfaction',
      label: t('wo.callback.satisfaction'),
      children: (
        <Tag color={SATISFACTION_COLORS[order.satisfaction]} data-testid="order-satisfaction">
          {labels.satisfaction(order.satisfaction)}
        </Tag>
      ),
    });
  }
  if (order.closedAt) {
    items.push({ key: 'closed', label: t('wo.closedAt'), children: formatTime(order.closedAt) });
  }
  if (order.pendingExtension) {
    items.push({
      key: 'extension',
      label: t('wo.extend.pendingLabel'),
      span: 2,
      children: (
        <Typography.Text type="warning">
          {t('wo.extend.pending', {
            days: order.pendingExtension.days,
            reason: order.pendingExtension.reason,
          })}
        </Typography.Text>
      ),
    });
  }
  return (
    <Card title={t('wo.facts')} data-testid="order-facts">
      {/* Two columns on a wide screen, one on a phone. */}
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}
