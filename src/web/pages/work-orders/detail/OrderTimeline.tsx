import { Card, Flex, Timeline, Typography } from 'antd';
import type { WorkOrderAttachment, WorkOrderEvent } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatTime } from '../../../lib/time';
import { useWorkOrderLabels } from '../labels';
import { UnitName } from '../RegionPath';
import { Attachments } from './Attachments';

const COLORS: Record<string, string> = {
  receive: 'blue',
  resolve: 'green',
  review: 'green',
  callback: 'green',
  return: 'red',
  overdue: 'red',
  urge: 'orange',
  supervise: 'orange',
};

/** Red for what went wrong (sent back, unsatisfied, overdue), green for what moved it to an end. */
function colorOf(event: WorkOrderEvent): string {
  if (event.data.satisfaction === 'unsatisfied' || event.data.approve === false) return 'red';
  return COLORS[event.action] ?? 'gray';
}

/** What a step did beyond its name: where it went, for how long, the verdict, the rating. */
function StepDetail({ event }: { event: WorkOrderEvent }) {
  const { t } = useI18n();
  const labels = useWorkOrderLabels();
  const { data } = event;
  const parts: React.ReactNode[] = [];
  if (typeof data.targetRegionCode === 'string') {
    parts.push(
      <span key="to">
        {t('wo.timeline.toUnit')} <UnitName code={data.targetRegionCode} />
      </span>,
    );
  }
  if (typeof data.assigneeUserId === 'string')
    parts.push(<span key="person">{t('wo.timeline.toPerson')}</span>);
  if (typeof data.days === 'number')
    parts.push(<span key="days">{t('wo.timeline.days', { days: data.days })}</span>);
  if (event.action === 'review' && typeof data.approve === 'boolean') {
    parts.push(<span key="review">{data.approve ? t('wo.review.approve') : t('wo.review.sendBack')}</span>);
  }
  if (typeof data.satisfaction === 'string') {
    parts.push(
      <Typography.Text
        key="satisfaction"
        type={data.satisfaction === 'unsatisfied' ? 'danger' : 'success'}
        strong
        data-testid="timeline-satisfaction"
      >
        {labels.satisfaction(data.satisfaction as 'satisfied')}
      </Typography.Text>,
    );
  }
  if (event.fromStatus !== event.toStatus) {
    parts.push(
      <Typography.Text key="status" type="secondary">
        {event.fromStatus ? `${labels.status(event.fromStatus)} → ` : ''}
        {labels.status(event.toStatus)}
      </Typography.Text>,
    );
  }
  if (parts.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {parts}
    </Flex>
  );
}

/** Every step of the order, oldest first, with who took it, when, the note and its photos. */
export function OrderTimeline({
  events,
  attachments,
}: {
  events: readonly WorkOrderEvent[];
  attachments: readonly WorkOrderAttachment[];
}) {
  const labels = useWorkOrderLabels();
  const { t } = useI18n();
  return (
    <Card title={t('wo.timeline.title')} data-testid="order-timeline">
      <Timeline
        items={events.map((event) => ({
          key: event.id,
          color: colorOf(event),
          content: (
            <div data-testid={`timeline-${event.action}`}>
              <Flex gap={8} align="baseline" wrap>
                <Typography.Text strong>{labels.action(event.action)}</Typography.Text>
                <span>{labels.actor(event.actorName)}</span>
                <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
              </Flex>
              <StepDetail event={event} />
              {event.note && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{event.note}</div>}
              <div style={{ marginTop: 6 }}>
                <Attachments items={attachments.filter((a) => a.eventId === event.id)} />
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
