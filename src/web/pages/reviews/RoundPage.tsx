import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { REVIEW_KPIS, type ReviewKpi } from '../../../shared/api/reviews';
import { closeRound, publishRound, type ReviewUnit, reviewKeys, roundQuery } from '../../api/reviews';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { EvaluatorModal, ReportModal } from './RoundModals';
import { statusColor } from './RoundsPage';

const figure = (value: number | null, kpi: ReviewKpi) =>
  value === null ? '—' : kpi === 'volunteer_hours' || kpi === 'placements' ? String(value) : `${value}%`;

/** /reviews/:id — the units ranked, with their KPIs, scores and reports; close (freeze) and publish. */
export function RoundPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const round = useQuery(roundQuery(id));
  const [evaluating, setEvaluating] = useState(false);
  const [reporting, setReporting] = useState<ReviewUnit | null>(null);
  const step = useMutation({
    mutationFn: (which: 'close' | 'publish') => (which === 'close' ? closeRound(id) : publishRound(id)),
    onSuccess: (_, which) => {
      void message.success(t(which === 'close' ? 'reviews.closed' : 'reviews.published'));
      return client.invalidateQueries({ queryKey: reviewKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (round.isError) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const writer = hasPermission(me, 'review.write');
  const open = r?.status === 'open';
  return (
    <Card
      loading={round.isPending}
      title={r?.name}
      data-testid="round-page"
      extra={
        r &&
        writer && (
          <Space wrap>
            {open && <Button onClick={() => setEvaluating(true)}>{t('reviews.addEvaluator')}</Button>}
            {open && (
              <Popconfirm title={t('reviews.closeConfirm')} onConfirm={() => step.mutate('close')}>
                <Button danger loading={step.isPending} data-testid="round-close">
                  {t('reviews.close')}
                </Button>
              </Popconfirm>
            )}
            {r.status === 'closed' && (
              <Button type="primary" loading={step.isPending} onClick={() => step.mutate('publish')}>
                {t('reviews.publish')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('reviews.region')}>{r.regionName}</Descriptions.Item>
            <Descriptions.Item
              label={t('reviews.period')}
            >{`${r.fromMonth} – ${r.toMonth}`}</Descriptions.Item>
            <Descriptions.Item label={t('reviews.status')}>
              <Tag color={statusColor[r.status]} data-testid="round-status">
                {t(`reviews.status.${r.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.rubric')}>
              {t('reviews.weights', { rubric: r.rubricWeight, kpi: r.kpiWeight })}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.evaluators')}>
              {r.evaluators.map((e) => `${e.name}（${t(`reviews.group.${e.group}`)}）`).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={open ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={open ? t('reviews.liveNote') : t('reviews.frozenNote', { at: r.closedAt ?? '' })}
          />
          <ResponsiveTable<ReviewUnit>
            rowKey="id"
            size="small"
            dataSource={r.units}
            pagination={false}
            scroll={{ x: 'max-content' }}
            onRow={() => ({ 'data-testid': 'unit-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('reviews.rank'), dataIndex: 'rank', render: (rank: number | null) => rank ?? '—' },
              { title: t('reviews.unit'), dataIndex: 'name' },
              {
                title: t('reviews.total'),
                dataIndex: 'totalScore',
                render: (s: number | null) => <b>{s ?? '—'}</b>,
              },
              {
                title: t('reviews.rubricScore'),
                dataIndex: 'rubricScore',
                render: (s: number | null) => s ?? '—',
              },
              { title: t('reviews.kpiScore'), dataIndex: 'kpiScore', render: (s: number | null) => s ?? '—' },
              ...REVIEW_KPIS.map((kpi) => ({
                title: t(`reviews.kpi.${kpi}`),
                key: kpi,
                render: (_: unknown, unit: ReviewUnit) => figure(unit.kpis[kpi].value, kpi),
              })),
              { title: t('reviews.scoredBy'), dataIndex: 'scoredBy' },
              {
                title: t('reviews.report'),
                key: 'report',
                render: (_: unknown, unit: ReviewUnit) => (
                  <Space>
                    {unit.report ? (
                      <Typography.Text ellipsis={{ tooltip: unit.report }} style={{ maxWidth: 160 }}>
                        {unit.report}
                      </Typography.Text>
                    ) : (
                      t('reviews.noReport')
                    )}
                    {open && writer && (
                      <Button size="small" onClick={() => setReporting(unit)}>
                        {t('reviews.submitReport')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      {evaluating && <EvaluatorModal roundId={id} onClose={() => setEvaluating(false)} />}
      {reporting && <ReportModal unit={reporting} onClose={() => setReporting(null)} />}
    </Card>
  );
}
