import { Card, Empty, Timeline } from 'antd';
import type { Household } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';

/** Visits and work orders; their modules will fill this, until then it says where they will be. */
export function ContactHistoryCard({ history }: { history: Household['contactHistory'] }) {
  const { t } = useI18n();
  return (
    <Card title={t('household.contactHistory')} style={{ marginTop: 16 }} data-testid="contact-history">
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('household.contactPlaceholder')} />
      ) : (
        <Timeline
          items={history.map((entry) => ({
            key: `${entry.at}-${entry.kind}`,
            title: `${formatTime(entry.at)} · ${entry.kind}`,
            content: entry.summary,
          }))}
        />
      )}
    </Card>
  );
}
