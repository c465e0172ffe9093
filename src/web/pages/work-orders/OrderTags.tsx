import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { WorkOrderStatus } from '../../../shared/work-orders';
import type { WorkOrder } from '../../api/work-orders';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { useWorkOrderLabels } from './labels';
import { timeLeft, URGENCY_COLORS } from './time-left';

const STATUS_COLORS: Record<WorkOrderStatus, string> = {
  received: 'blue',
  pending_dispatch: 'gold',
  dispatched: 'cyan',
  in_progress: 'processing',
  return_requested: 'volcano',
  pending_review: 'purple',
  closed: 'green',
  archived: 'default',
};

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const labels = useWorkOrderLabels();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="order-status">
      {labels.status(status)}
    </Tag>
  );
}

/** The current time, refreshed every minute: deadlines count down while a page stays open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** 剩 2 天 3 小时 (green), 剩 5 小时 (orange), 超期 1 天 (red); closed orders: on time or late. */
export function TimeLeftTag({ order, now }: { order: WorkOrder; now: number }) {
  const { t } = useI18n();
  const left = timeLeft(order, now);
  if (!left) {
    if (order.closedOnTime === null) return <span>—</span>;
    return (
      <Tag color={order.closedOnTime ? 'green' : 'red'}>
        {order.closedOnTime ? t('wo.closedOnTime') : t('wo.closedLate')}
      </Tag>
    );
  }
  const span =
    left.days > 0
      ? t('wo.spanDays', { days: left.days, hours: left.hours })
      : left.hours > 0
        ? t('wo.spanHours', { hours: left.hours, minutes: left.minutes })
        : t('wo.spanMinutes', { minutes: left.minutes });
  return (
    <Tooltip title={t('wo.dueAt', { time: formatTime(order.dueAt) })}>
      <Tag color={URGENCY_COLORS[left.urgency]} data-testid="order-time-left" data-urgency={left.urgency}>
        {left.urgency === 'overdue' ? t('wo.overdueBy', { span }) : t('wo.left', { span })}
      </Tag>
    </Tooltip>
  );
}

/** The overlays: urgent, urged (催办 ×n), supervised (督办), redone (重办 ×n). */
export function OrderBadges({ order }: { order: WorkOrder }) {
  const { t } = useI18n();
  return (
    <>
      {order.urgent && <Tag color="red">{t('wo.urgent')}</Tag>}
      {order.urgeCount > 0 && (
        <Tag color="orange" data-testid="badge-urged">
          {t('wo.urged', { count: order.urgeCount })}
        </Tag>
      )}
      {order.supervised && (
        <Tag color="magenta" data-testid="badge-supervised">
          {t('wo.supervised')}
        </Tag>
      )}
      {order.reopenCount > 0 && <Tag color="volcano">{t('wo.reopened', { count: order.reopenCount })}</Tag>}
    </>
  );
}
