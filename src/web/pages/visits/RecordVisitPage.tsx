import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  NEED_TYPES,
  type NeedType,
  VISIT_METHODS,
  VISIT_OUTCOMES,
  type VisitMethod,
  type VisitOutcome,
} from '../../../shared/api/visits';
import { briefQuery, visitKeys } from '../../api/visits';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { submitVisit } from './offline-drafts';

interface Values {
  method: VisitMethod;
  outcome: VisitOutcome;
  notes?: string;
  needType?: NeedType;
  needDescription?: string;
}

/**
 * /visits/record/:householdId — one visit on a 360-px phone: big touch targets, the last visit's
 * summary first. Works offline: the visit is kept as a draft and sent when the network returns.
 */
export function RecordVisitPage() {
  const { t } = useI18n();
  const { householdId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const brief = useQuery({ ...briefQuery(householdId), retry: false });
  const [startedAt] = useState(() => new Date().toISOString());
  const [position, setPosition] = useState<{ latitude: number; longitude: number }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // GPS where the phone gives it; a visit never waits for it.
    navigator.geolocation?.getCurrentPosition(
      (p) => setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => undefined,
      { timeout: 5000, maximumAge: 60_000 },
    );
  }, []);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const campaignId = params.get('campaign') ?? undefined;
      const outcome = await submitVisit({
        idempotencyKey: crypto.randomUUID(),
        householdId,
        ...(campaignId ? { campaignId } : {}),
        startedAt,
        endedAt: new Date().toISOString(),
        ...(position ?? {}),
        method: values.method,
        outcome: values.outcome,
        notes: values.notes ?? '',
        needs:
          values.needType && values.needDescription
            ? [{ type: values.needType, description: values.needDescription }]
            : [],
      });
      message.info(outcome === 'sent' ? t('visits.sent') : t('visits.keptOffline'));
      if (outcome === 'sent') await queryClient.invalidateQueries({ queryKey: visitKeys.all });
      navigate('/visits');
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const last = brief.data?.lastVisit;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }} data-testid="record-visit">
      <Card size="small">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {brief.data?.headName || brief.data?.address || t('visits.household')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="visit-last">
          {last
            ? t('visits.lastVisit', {
                time: formatTime(last.startedAt),
                outcome: t(`visits.outcome.${last.outcome}`),
              })
            : t('visits.noLastVisit')}
        </Typography.Text>
        {last?.notes && (
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{last.notes}</Typography.Paragraph>
        )}
      </Card>
      <Form<Values> layout="vertical" onFinish={submit} initialValues={{ method: 'home', outcome: 'met' }}>
        <Form.Item name="method" label={t('visits.method')}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="visit-method">
            {VISIT_METHODS.map((m) => (
              <Radio.Button key={m} value={m}>
                {t(`visits.method.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="outcome" label={t('visits.outcome')}>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="visit-outcome">
            {VISIT_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o} data-testid={`visit-outcome-${o}`}>
                {t(`visits.outcome.${o}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="notes" label={t('visits.notes')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="visit-notes" />
        </Form.Item>
        <Form.Item name="needType" label={t('visits.needType')}>
          <Select
            size="large"
            allowClear
            data-testid="visit-need-type"
            options={NEED_TYPES.map((n) => ({ value: n, label: t(`visits.need.${n}`) }))}
          />
        </Form.Item>
        <Form.Item name="needDescription" label={t('visits.needDescription')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="visit-need-description" />
        </Form.Item>
        <FormError message={error ? errorMessage(error, t) : null} />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={saving}
          data-testid="visit-submit"
        >
          {t('visits.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
