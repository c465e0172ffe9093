import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { SATISFACTION, type Satisfaction } from '../../../shared/work-orders';
import { ApiError } from '../../api/client';
import { myRequestsQuery, rateRequest, requestQuery } from '../../api/portal';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { useElderMode, useTextSize } from './elder/elder-mode';
import { PortalCard } from './PortalLayout';
import { useSessionEnded } from './session';

interface RatingValues {
  satisfaction: Satisfaction;
  comment?: string;
}

/** 满意 / 基本满意 / 不满意 with a comment (required when unsatisfied: it is why the order reopens). */
export function RatingForm({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const size = useTextSize();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const [form] = Form.useForm<RatingValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const satisfaction = Form.useWatch('satisfaction', form);
  const elder = useElderMode().on;

  const rate = useMutation({
    mutationFn: (values: RatingValues) =>
      rateRequest(requestId, {
        satisfaction: values.satisfaction,
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
      }),
    onSuccess: (_, values) => {
      void message.success(
        values.satisfaction === 'unsatisfied' ? t('portal.rating.reopened') : t('portal.rating.thanks'),
      );
      void queryClient.invalidateQueries({ queryKey: requestQuery(requestId).queryKey });
      void queryClient.invalidateQueries({ queryKey: myRequestsQuery.queryKey });
    },
    onError: (error) => {
      if (ended(error)) return;
      if (error instanceof ApiError && error.fields.length > 0) {
        form.setFields(error.fields.map((f) => ({ name: f.path as 'comment', errors: [f.message] })));
        return;
      }
      setFormError(errorMessage(error, t));
    },
  });

  return (
    <PortalCard title={t('portal.rating.title')} testId="portal-rating">
      <Form<RatingValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => rate.mutate(values)}
        onValuesChange={() => setFormError(null)}
        disabled={rate.isPending}
      >
        <Form.Item name="satisfaction" rules={[{ required: true, message: t('portal.rating.required') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            // Elder mode: one answer per row, each a full-width target.
            style={{
              display: 'flex',
              width: '100%',
              flexDirection: elder ? 'column' : 'row',
              gap: elder ? 8 : 0,
            }}
            options={SATISFACTION.map((value) => ({
              value,
              label: t(`portal.rating.${value}`),
              style: { flex: 1, textAlign: 'center' },
            }))}
            data-testid="portal-satisfaction"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          rules={[
            {
              required: satisfaction === 'unsatisfied',
              whitespace: true,
              message: t('portal.rating.commentRequired'),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={500}
            placeholder={t('portal.rating.comment')}
            data-testid="portal-comment"
          />
        </Form.Item>
        <FormError message={formError} />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={rate.isPending}
          style={{ height: 48, fontSize: size(17) }}
          data-testid="portal-rate"
        >
          {t('portal.rating.submit')}
        </Button>
      </Form>
    </PortalCard>
  );
}
