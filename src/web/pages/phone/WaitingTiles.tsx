import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { COUNT_CAP, WAITING, type WaitingKind, waitingCountQuery, waitingLink } from './waiting';

function Tile({ kind }: { kind: WaitingKind }) {
  const { t } = useI18n();
  const count = useQuery(waitingCountQuery(kind));
  const figure = !count.data
    ? '…'
    : count.data.more
      ? t('phone.waiting.more', { count: COUNT_CAP })
      : count.data.count;
  // A pile that needs attention stands out; an empty one stays quiet.
  const urgent = (kind.key === 'overdue' || kind.key === 'reopened') && (count.data?.count ?? 0) > 0;
  return (
    <Link to={waitingLink(kind)} style={{ flex: '1 1 40%', minWidth: 0 }} data-testid={`waiting-${kind.key}`}>
      <Card size="small" hoverable styles={{ body: { padding: '10px 12px' } }}>
        <Typography.Text type="secondary">{t(`phone.waiting.${kind.key}`)}</Typography.Text>
        <div
          style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.3, color: urgent ? '#cf1322' : undefined }}
          data-testid={`waiting-${kind.key}-count`}
        >
          {figure}
        </div>
      </Card>
    </Link>
  );
}

/** To sign, to resolve, overdue, sent back: four counts, each opening the orders it counts. */
export function WaitingTiles() {
  const { t } = useI18n();
  return (
    <section>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('phone.home.title')}
      </Typography.Title>
      <Flex wrap gap={8}>
        {WAITING.map((kind) => (
          <Tile key={kind.key} kind={kind} />
        ))}
      </Flex>
    </section>
  );
}
