import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SURVEY_STATUSES } from '../../../shared/api/surveys';
import { type SurveySummary, surveysQuery } from '../../api/surveys';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { RankingCard } from './RankingCard';
import { StatusTag } from './StatusTag';
import { SurveyEditorModal } from './SurveyEditorModal';

/** /surveys — 群众满意度测评 in scope, newest first, and the ranking of a city's districts. */
export function SurveysPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [creating, setCreating] = useState(false);
  const surveys = useInfiniteQuery({ ...surveysQuery(status), placeholderData: keepPreviousData });
  const rows = surveys.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('nav.surveys')}
        extra={
          hasPermission(me, 'survey.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-survey">
              {t('surveys.new')}
            </Button>
          )
        }
        data-testid="surveys-page"
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<string>
            value={status}
            onChange={(next) => setParams(next ? { status: next } : {}, { replace: true })}
            aria-label={t('surveys.status')}
            style={{ width: 160, maxWidth: '100%' }}
            options={[
              { value: '', label: t('surveys.allStatuses') },
              ...SURVEY_STATUSES.map((s) => ({ value: s, label: t(`surveys.status.${s}`) })),
            ]}
          />
        </Flex>
        {surveys.isError ? (
          <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
        ) : (
          <>
            <ResponsiveTable<SurveySummary>
              rowKey="id"
              size="small"
              loading={surveys.isPending || surveys.isPlaceholderData}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('surveys.empty') }}
              onRow={() => ({ 'data-testid': 'survey-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('surveys.titleField'),
                  dataIndex: 'title',
                  render: (title: string, s) => (
                    <Link to={`/surveys/${s.id}`} data-testid="survey-link">
                      {title}
                    </Link>
                  ),
                },
                { title: t('surveys.region'), dataIndex: 'regionName' },
                {
                  title: t('surveys.source'),
                  dataIndex: 'source',
                  render: (source: SurveySummary['source'], s) => (
                    <>
                      {t(`surveys.source.${source}`)}
                      {s.anonymous && <Tag style={{ marginInlineStart: 6 }}>{t('surveys.anonymous')}</Tag>}
                    </>
                  ),
                },
                { title: t('surveys.sampleSize'), dataIndex: 'sampleSize' },
                {
                  title: t('surveys.status'),
                  dataIndex: 'status',
                  render: (s: SurveySummary['status']) => <StatusTag status={s} />,
                },
              ]}
            />
            <LoadMore
              count={rows.length}
              hasMore={surveys.hasNextPage}
              loading={surveys.isFetchingNextPage}
              onLoadMore={() => void surveys.fetchNextPage()}
            />
          </>
        )}
        {creating && <SurveyEditorModal onClose={() => setCreating(false)} />}
      </Card>
      <RankingCard />
    </Space>
  );
}
