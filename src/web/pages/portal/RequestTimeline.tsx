import { Timeline, Typography } from 'antd';
import type { TimelineItem } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translate } from '../../i18n/translate';
import { useTextSize } from './elder/elder-mode';
import { deadlineDay, shortTime } from './portal-time';

function titleOf(item: TimelineItem, t: Translate): string {
  const satisfaction = item.satisfaction ? t(`portal.rating.${item.satisfaction}`) : '';
  switch (item.kind) {
    case 'dispatched':
      return item.unitName
        ? t('portal.timeline.dispatched', { unit: item.unitName })
        : t('portal.timeline.dispatchedToPerson');
    case 'extended':
      return t('portal.timeline.extended', { date: item.dueAt ? deadlineDay(item.dueAt) : '' });
    case 'rated':
      return t('portal.timeline.rated', { satisfaction });
    default:
      return t(`portal.timeline.${item.kind}`);
  }
}

/** The steps of a request, newest first; the newest stands out. */
export function RequestTimeline({ items }: { items: TimelineItem[] }) {
  const { t } = useI18n();
  const size = useTextSize();
  const newestFirst = [...items].reverse();
  return (
    <Timeline
      data-testid="portal-timeline"
      items={newestFirst.map((item, index) => ({
        key: `${item.at}-${item.kind}`,
        color: index === 0 ? 'blue' : 'gray',
        content: (
          <div data-testid={`portal-step-${item.kind}`}>
            <Typography.Text strong={index === 0} style={{ fontSize: size(15) }}>
              {titleOf(item, t)}
            </Typography.Text>
            {item.text && (
              <Typography.Paragraph style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.75)' }}>
                {item.text}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: size(13) }}>
              {shortTime(item.at)}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
