import { Card, Empty, Timeline, Typography } from 'antd';
import type { OrganizationHistoryEntry } from '../../api/organization-types';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { formatTime } from '../../lib/time';
import { MemberName } from '../members/MemberName';

type Recorded = Record<string, unknown>;

function parse(text: string): Recorded {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Recorded) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What changed, in words: created with a name, moved from a region to another, a new leader. */
function Change({ entry }: { entry: OrganizationHistoryEntry }) {
  const before = parse(entry.before);
  const after = parse(entry.after);
  if (entry.change === 'moved' && text(before.regionCode) && text(after.regionCode)) {
    return (
      <span>
        <RegionName code={text(before.regionCode)} /> → <RegionName code={text(after.regionCode)} />
      </span>
    );
  }
  if (entry.change === 'leader_changed' && text(after.leaderMemberId)) {
    return <MemberName id={text(after.leaderMemberId)} />;
  }
  if (entry.change === 'created' && text(after.name)) return <span>{text(after.name)}</span>;
  return null;
}

/** The organization's history, newest first: created, moved, leaders. */
export function OrgHistoryCard({ history }: { history: OrganizationHistoryEntry[] }) {
  const { t } = useI18n();
  const label = (change: string) => {
    const key = `orgChange.${change}`;
    return isMessageKey(key) ? t(key) : change;
  };
  const items = [...history]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((entry) => ({
      key: `${entry.at}-${entry.change}`,
      content: (
        <div>
          <Typography.Text strong>{label(entry.change)}</Typography.Text> <Change entry={entry} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatTime(entry.at)}
          </Typography.Text>
        </div>
      ),
    }));
  return (
    <Card title={t('org.history')} style={{ marginTop: 16 }} data-testid="org-history">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.historyEmpty')} />
      ) : (
        <Timeline items={items} />
      )}
    </Card>
  );
}
