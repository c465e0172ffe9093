import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { organizationsInScopeQuery } from '../../api/organizations';
import { type PointsRanking, pointsRankingQuery } from '../../api/points';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { thisYear } from '../reviews/RoundsPage';
import { MemberPointsModal } from './MemberPointsModal';
import { PointsRulesCard } from './PointsRulesCard';

type Row = PointsRanking['rows'][number];

/** Organizations whose members are party members (not warm groups or volunteer teams). */
const PARTY_KINDS = new Set(['committee', 'general_branch', 'branch', 'corridor_branch', 'group']);

/**
 * /points?organization=&year= — 党员积分: an organization's members ranked by their points of a
 * year, each member's ledger with the reasons (and the manual award form for managers), and the
 * district's rule table.
 */
export function PointsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organization = params.get('organization') ?? '';
  const year = Number(params.get('year') ?? thisYear());
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const organizations = useQuery(organizationsInScopeQuery());
  const ranking = useQuery({ ...pointsRankingQuery(organization, year), enabled: organization !== '' });
  const canManage = hasPermission(me, 'points.manage');
  const district = (me.permissions['points.read'] ?? [])[0]?.slice(0, 6) ?? '';
  const data = ranking.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('nav.points')} data-testid="points-page">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch
            optionFilterProp="label"
            value={organization || undefined}
            placeholder={t('points.pickOrganization')}
            aria-label={t('points.organization')}
            loading={organizations.isPending}
            style={{ width: 320, maxWidth: '100%' }}
            onChange={(value: string) => setParams({ organization: value, year: String(year) })}
            options={(organizations.data ?? [])
              .filter((o) => PARTY_KINDS.has(o.kind))
              .map((o) => ({ value: o.id, label: o.name }))}
            data-testid="points-organization"
          />
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            aria-label={t('points.year')}
            onChange={(y) => y && setParams({ organization, year: String(y) })}
          />
        </Flex>
        {ranking.isError && <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />}
        {data && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                data.accruedAt
                  ? t('points.accruedAt', { at: formatTime(data.accruedAt) })
                  : t('points.neverAccrued')
              }
            />
            <ResponsiveTable<Row>
              rowKey="memberId"
              size="small"
              dataSource={data.rows}
              pagination={false}
              columns={[
                { title: t('points.rank'), dataIndex: 'rank', width: 70 },
                { title: t('points.member'), dataIndex: 'name' },
                { title: t('points.total'), dataIndex: 'total' },
                ...(
                  ['volunteer_hours', 'visits', 'meetings_attended', 'study_passed', 'manual'] as const
                ).map((kind) => ({
                  title: t(`points.kind.${kind}`),
                  key: kind,
                  render: (_: unknown, row: Row) => row.byKind[kind],
                })),
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, row: Row) => (
                    <Button size="small" onClick={() => setOpen({ id: row.memberId, name: row.name })}>
                      {t('points.view')}
                    </Button>
                  ),
                },
              ]}
              data-testid="points-ranking"
            />
          </>
        )}
      </Card>
      {district && <PointsRulesCard district={district} year={year} canManage={canManage} />}
      {open && (
        <MemberPointsModal member={open} year={year} canAward={canManage} onClose={() => setOpen(null)} />
      )}
    </Space>
  );
}
