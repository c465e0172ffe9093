import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { WarmGroupHousehold } from '../../api/organization-types';
import { warmGroupHouseholdsQuery } from '../../api/organizations';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { placeOf } from '../households/place';

/** The households a warm group looks after, and who cares for each: with the leader, or assigned by hand. */
export function WarmGroupHouseholdsCard({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const households = useQuery(warmGroupHouseholdsQuery(organizationId));
  const linked = hasPermission(me, 'person.read');
  const columns: TableColumnsType<WarmGroupHousehold> = [
    {
      title: t('org.households'),
      key: 'place',
      render: (_, h) => {
        const place = `${h.placeName} ${placeOf(t, h)}`;
        return linked ? (
          <Link to={`/households/${h.id}`} data-testid={`group-household-${h.id}`}>
            {place}
          </Link>
        ) : (
          place
        );
      },
    },
    {
      title: t('household.caringMember'),
      key: 'caring',
      width: 220,
      render: (_, h) =>
        h.caringMember ? (
          <Space size={6} data-testid={`group-household-caring-${h.id}`}>
            <span>{h.caringMember}</span>
            {h.caringSource === 'assigned' ? (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('org.caringAssigned')}
              </Tag>
            ) : h.caringSource === 'warm_group' ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('org.caringLeader')}
              </Tag>
            ) : null}
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid={`group-household-caring-${h.id}`}>
            {t('org.caringNone')}
          </Typography.Text>
        ),
    },
  ];
  return (
    <Card
      title={t('org.groupHouseholds', { count: households.data?.length ?? 0 })}
      size="small"
      style={{ marginTop: 16 }}
      styles={{ body: { padding: households.isError ? undefined : 0 } }}
      data-testid="group-households"
    >
      {households.isError ? (
        <QueryError error={households.error} onRetry={() => void households.refetch()} />
      ) : (
        <ResponsiveTable<WarmGroupHousehold>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={households.data}
          loading={households.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.groupHouseholdsEmpty')} />
            ),
          }}
          data-testid="group-households-table"
        />
      )}
    </Card>
  );
}
