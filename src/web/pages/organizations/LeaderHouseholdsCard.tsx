import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { memberQuery } from '../../api/organizations';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { placeOf } from '../households/place';

/**
 * A warm group's households are looked after by its leader: the leader's households in care.
 * (The server lists no warm group's households as such; these include any the leader was assigned.)
 */
export function LeaderHouseholdsCard({ leaderId }: { leaderId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const leader = useQuery(memberQuery(leaderId));
  const households = leader.data?.caredHouseholds ?? [];
  const linked = hasPermission(me, 'person.read');
  return (
    <Card
      title={t('org.leaderHouseholds', { name: leader.data?.name ?? '', count: households.length })}
      size="small"
      style={{ marginTop: 16 }}
      loading={leader.isPending}
      data-testid="leader-households"
    >
      {households.length === 0 ? (
        <Typography.Text type="secondary">{t('member.noCared')}</Typography.Text>
      ) : (
        <Flex gap={6} wrap>
          {households.map((h) => (
            <Tag key={h.id} style={{ marginInlineEnd: 0 }}>
              {linked ? <Link to={`/households/${h.id}`}>{placeOf(t, h)}</Link> : placeOf(t, h)}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
