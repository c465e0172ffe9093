import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { assignHouseholds, campaignQuery, coverageQuery, targetsQuery, visitKeys } from '../../api/visits';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/**
 * /visit-campaigns/:id — coverage against every household of the register (met vs attempted), by
 * region and visitor, who is behind, and the overdue households with one-click reassignment.
 */
export function CampaignPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campaign = useQuery(campaignQuery(id));
  const coverage = useQuery(coverageQuery(id, ''));
  const overdue = useQuery(targetsQuery(id, 'overdue'));
  const [selected, setSelected] = useState<string[]>([]);
  const [visitor, setVisitor] = useState<string>();
  const reassign = useMutation({
    mutationFn: () => assignHouseholds(id, { householdIds: selected, visitorUserId: visitor ?? null }),
    onSuccess: async () => {
      setSelected([]);
      message.success(t('visits.reassignDone'));
      await queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const data = coverage.data;
  const counts = [
    ['visits.registerHouseholds', data?.registerHouseholds],
    ['visits.households', data?.households],
    ['visits.attempted', data?.attempted],
    ['visits.met', data?.met],
    ['visits.covered', data?.covered],
  ] as const;

  return (
    <Flex vertical gap={12} data-testid="visit-campaign">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {campaign.data?.name}
      </Typography.Title>
      {(campaign.error ?? coverage.error) && <QueryError error={campaign.error ?? coverage.error} />}
      <Flex gap={12} wrap>
        {counts.map(([key, value]) => (
          <Card key={key} size="small" style={{ minWidth: 140 }}>
            <Statistic title={t(key)} value={value ?? 0} data-testid={`coverage-${key.slice(7)}`} />
          </Card>
        ))}
      </Flex>
      <Card size="small" title={t('visits.coverage')}>
        <ResponsiveTable
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={data?.regions ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('visits.region'), dataIndex: 'name' },
            { title: t('visits.registerHouseholds'), dataIndex: 'registerHouseholds', align: 'right' },
            { title: t('visits.attempted'), dataIndex: 'attempted', align: 'right' },
            { title: t('visits.met'), dataIndex: 'met', align: 'right' },
            { title: t('visits.covered'), dataIndex: 'covered', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('visits.visitors')}>
        <ResponsiveTable
          rowKey="visitorUserId"
          size="small"
          pagination={false}
          dataSource={data?.visitors ?? []}
          columns={[
            { title: t('visits.visitors'), dataIndex: 'name' },
            { title: t('visits.households'), dataIndex: 'households', align: 'right' },
            { title: t('visits.met'), dataIndex: 'met', align: 'right' },
            { title: t('visits.covered'), dataIndex: 'covered', align: 'right' },
            {
              title: '',
              dataIndex: 'behind',
              render: (behind: boolean) =>
                behind ? (
                  <Tag color="red">{t('visits.behind')}</Tag>
                ) : (
                  <Tag color="green">{t('visits.onTrack')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('visits.overdue')}
        extra={
          hasPermission(me, 'visit.plan') && (
            <Flex gap={8}>
              <Select
                style={{ width: 160 }}
                placeholder={t('visits.reassign')}
                aria-label={t('visits.reassign')}
                value={visitor}
                onChange={setVisitor}
                options={(data?.visitors ?? []).map((v) => ({ value: v.visitorUserId, label: v.name }))}
              />
              <Button
                disabled={selected.length === 0 || !visitor}
                loading={reassign.isPending}
                onClick={() => reassign.mutate()}
              >
                {t('visits.reassign')}
              </Button>
            </Flex>
          )
        }
      >
        <ResponsiveTable
          rowKey="householdId"
          size="small"
          pagination={false}
          dataSource={overdue.data?.items ?? []}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          columns={[
            { title: t('visits.household'), dataIndex: 'address' },
            { title: t('visits.visitors'), dataIndex: 'visitorName' },
            { title: t('visits.attempted'), dataIndex: 'attemptCount', align: 'right' },
          ]}
        />
      </Card>
    </Flex>
  );
}
