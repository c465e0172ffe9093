import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { surveyKeys, surveyQuery, surveyStep, textSample } from '../../api/surveys';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { ResultsTab } from './ResultsTab';
import { SampleTab } from './SampleTab';
import { StatusTag } from './StatusTag';
import { SurveyEditorModal } from './SurveyEditorModal';

/** /surveys/:id — a survey: its questionnaire, the sample with phone interviews, its results. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const survey = useQuery(surveyQuery(id));
  const [editing, setEditing] = useState(false);
  const step = useMutation({
    mutationFn: (run: () => Promise<string>) => run(),
    onSuccess: async (done) => {
      void message.success(done);
      await client.invalidateQueries({ queryKey: surveyKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (survey.isPending) return <FullPageSpin />;
  if (survey.isError) return <QueryError error={survey.error} onRetry={() => void survey.refetch()} />;
  const s = survey.data;
  const write = hasPermission(me, 'survey.write');
  const actions = write && (
    <Space wrap>
      {s.status === 'draft' && (
        <>
          <Button onClick={() => setEditing(true)} data-testid="survey-edit">
            {t('surveys.edit')}
          </Button>
          <Popconfirm
            title={t('surveys.drawConfirm')}
            onConfirm={() => step.mutate(() => surveyStep(s.id, 'draw').then(() => t('surveys.drawn')))}
          >
            <Button type="primary" loading={step.isPending} data-testid="survey-draw">
              {t('surveys.draw')}
            </Button>
          </Popconfirm>
        </>
      )}
      {s.status === 'open' && (
        <>
          <Button
            loading={step.isPending}
            onClick={() =>
              step.mutate(() => textSample(s.id).then((r) => t('surveys.smsQueued', { n: r.queued })))
            }
            data-testid="survey-sms"
          >
            {t('surveys.sms')}
          </Button>
          <Popconfirm
            title={t('surveys.closeConfirm')}
            onConfirm={() => step.mutate(() => surveyStep(s.id, 'close').then(() => t('surveys.closedDone')))}
          >
            <Button danger loading={step.isPending} data-testid="survey-close">
              {t('surveys.close')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
  const design = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('surveys.region')}>{s.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.source')}>
          {t(`surveys.source.${s.source}`)}
          {s.periodFrom && ` · ${s.periodFrom} – ${s.periodTo}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.anonymous')}>
          {s.anonymous ? t('surveys.anonymousHint') : t('surveys.named')}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.sampleSize')}>
          {s.sampleSize} · {t('surveys.reservePercent')} {s.reservePercent}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.contactWindowDays')}>{s.contactWindowDays}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.seed')}>
          <Typography.Text code copyable>
            {s.seed}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {s.description && <Typography.Paragraph>{s.description}</Typography.Paragraph>}
      <List
        header={t('surveys.questions')}
        bordered
        dataSource={s.questions}
        renderItem={(q, i) => (
          <List.Item data-testid="survey-question-item">
            <Space direction="vertical" size={2}>
              <span>
                {i + 1}. {q.text} <Tag>{t(`surveys.kind.${q.kind}`)}</Tag>
                {q.id === s.satisfactionQuestionId && (
                  <Tag color="gold">{t('surveys.satisfactionQuestion')}</Tag>
                )}
              </span>
              {q.options.length > 0 && (
                <Typography.Text type="secondary">{q.options.join(' / ')}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
  return (
    <Card
      title={
        <Space wrap>
          {s.title}
          <StatusTag status={s.status} />
        </Space>
      }
      extra={actions}
      data-testid="survey-page"
    >
      <Tabs
        defaultActiveKey={s.status === 'draft' ? 'design' : 'sample'}
        items={[
          { key: 'design', label: t('surveys.tab.design'), children: design },
          { key: 'sample', label: t('surveys.tab.sample'), children: <SampleTab survey={s} /> },
          { key: 'results', label: t('surveys.tab.results'), children: <ResultsTab survey={s} /> },
        ]}
      />
      {editing && <SurveyEditorModal survey={s} onClose={() => setEditing(false)} />}
    </Card>
  );
}
