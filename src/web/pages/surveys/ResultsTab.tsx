import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { type RegionResult, resultsQuery, type SurveyDetail } from '../../api/surveys';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { intervalText } from './interval-text';

/**
 * Results of a region (the survey's at first) and its children, each with n, the satisfied share
 * and its 95% Wilson interval in words; a child opens its own results. Then each question's answers.
 */
export function ResultsTab({ survey }: { survey: SurveyDetail }) {
  const { t } = useI18n();
  const [region, setRegion] = useState(survey.regionCode);
  const results = useQuery(resultsQuery(survey.id, region));
  if (survey.status === 'draft') return <Empty description={t('surveys.sample.empty')} />;
  if (results.isPending) return <FullPageSpin />;
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="survey-results">
      <Card size="small" title={r.region.name}>
        <Typography.Paragraph strong data-testid="survey-interval">
          {intervalText(t, r.region.interval, r.region.n)}
        </Typography.Paragraph>
        {r.region.interval.share !== null && (
          <Progress
            percent={r.region.interval.share / 10}
            success={{ percent: (r.region.interval.low ?? 0) / 10 }}
          />
        )}
        <Typography.Text type="secondary">
          {t('surveys.results.responses', { n: r.responses })}
        </Typography.Text>
        {region !== survey.regionCode && (
          <div>
            <Button type="link" onClick={() => setRegion(survey.regionCode)} style={{ paddingInline: 0 }}>
              ← {survey.regionName}
            </Button>
          </div>
        )}
      </Card>
      {r.children.length > 0 && (
        <ResponsiveTable<RegionResult>
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={r.children}
          columns={[
            {
              title: t('surveys.results.children'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Button type="link" onClick={() => setRegion(c.regionCode)} style={{ paddingInline: 0 }}>
                  {name}
                </Button>
              ),
            },
            { title: t('surveys.results.n'), dataIndex: 'n' },
            {
              title: t('surveys.results.interval'),
              dataIndex: 'interval',
              render: (_: unknown, c) => intervalText(t, c.interval, c.n),
            },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('surveys.results.questions')}</Typography.Title>
      {r.questions.map((q, i) => (
        <Card key={q.questionId} size="small" title={`${i + 1}. ${q.text}`}>
          <Typography.Text type="secondary">
            {t('surveys.results.answeredN', { n: q.answered })}
          </Typography.Text>
          {q.counts.map((c) => {
            const label =
              q.kind === 'scale'
                ? `${c.label} · ${t(`surveys.scale.${c.label}` as 'surveys.scale.1')}`
                : c.label;
            return (
              <Flex key={c.label} gap={8} align="center">
                <span style={{ minWidth: 120 }}>{label}</span>
                <Progress
                  percent={q.answered ? Math.round((c.count * 1000) / q.answered) / 10 : 0}
                  format={() => c.count}
                  style={{ flex: 1, margin: 0 }}
                />
              </Flex>
            );
          })}
        </Card>
      ))}
    </Space>
  );
}
