import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Typography } from 'antd';
import { useState } from 'react';
import {
  answerPortalSurvey,
  type PortalSurvey,
  portalSurveyKeys,
  portalSurveysQuery,
} from '../../api/surveys';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { type AnswerDraft, answersOf, complete, QuestionFields } from '../surveys/QuestionFields';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalQueryError, useSessionEnded } from './session';

/**
 * /m/surveys — the satisfaction surveys whose sample names the resident (an SMS may have sent them
 * here): one card per survey, its questions in large targets, one tap to submit.
 */
export function PortalSurveysPage() {
  const { t } = useI18n();
  const surveys = useQuery(portalSurveysQuery);
  let body: React.ReactNode;
  if (surveys.isPending) body = <FullPageSpin />;
  else if (surveys.isError)
    body = <PortalQueryError error={surveys.error} onRetry={() => void surveys.refetch()} />;
  else if (surveys.data.items.length === 0)
    body = (
      <PortalCard>
        <Empty description={t('psurvey.none')} />
      </PortalCard>
    );
  else body = surveys.data.items.map((s) => <SurveyForm key={s.id} survey={s} />);
  return (
    <PortalPage title={t('psurvey.title')} testId="portal-surveys-page">
      {body}
    </PortalPage>
  );
}

function SurveyForm({ survey }: { survey: PortalSurvey }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const ended = useSessionEnded();
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [error, setError] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: () => answerPortalSurvey(survey.id, answersOf(survey.questions, draft)),
    onSuccess: async () => {
      void message.success(t('psurvey.thanks'));
      await client.invalidateQueries({ queryKey: portalSurveyKeys.all });
    },
    onError: (e) => {
      if (!ended(e)) setError(errorMessage(e, t));
    },
  });
  const ready = complete(survey.questions, draft);
  return (
    <PortalCard title={survey.title} testId="portal-survey">
      {survey.description && <Typography.Paragraph>{survey.description}</Typography.Paragraph>}
      <Alert
        type={survey.anonymous ? 'success' : 'info'}
        showIcon
        message={survey.anonymous ? t('psurvey.anonymous') : t('psurvey.named')}
        style={{ marginBottom: 16 }}
      />
      <QuestionFields questions={survey.questions} value={draft} onChange={setDraft} large />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {!ready && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('psurvey.missing')}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={!ready}
        loading={submit.isPending}
        onClick={() => submit.mutate()}
        style={{ marginTop: 16 }}
        data-testid="portal-survey-submit"
      >
        {t('psurvey.submit')}
      </Button>
    </PortalCard>
  );
}
