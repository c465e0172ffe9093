import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Segmented, Select } from 'antd';
import { POST_CATEGORIES } from '../../../shared/api/timebank';
import { createPortalPost, type PortalPostBody, portalTimebankKeys } from '../../api/portal-timebank';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { PortalCard } from './PortalLayout';
import { useSessionEnded } from './session';

interface PostValues {
  kind: 'request' | 'offer';
  category: (typeof POST_CATEGORIES)[number];
  title: string;
  description?: string;
  minutes: number;
  days: number;
}

const DAYS = [1, 3, 7, 30] as const;

/** A new offer or request from the resident's own account: what, how many minutes, open how long. */
export function PortalPostForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const [form] = Form.useForm<PostValues>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'kind',
    'category',
    'title',
    'description',
    'minutes',
  ]);
  const create = useMutation({
    mutationFn: (values: PostValues) => {
      const body: PortalPostBody = {
        kind: values.kind,
        category: values.category,
        title: values.title.trim(),
        ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        minutes: values.minutes,
        expiresAt: new Date(Date.now() + values.days * 86_400_000).toISOString(),
      };
      return createPortalPost(body);
    },
    onSuccess: async () => {
      void message.success(t('portal.tb.posted'));
      form.resetFields();
      onDone();
      await queryClient.invalidateQueries({ queryKey: portalTimebankKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) onServerError(error);
    },
  });

  return (
    <PortalCard title={t('portal.tb.newPost')} testId="portal-tb-post-form">
      <Form<PostValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'request', category: 'errands', minutes: 60, days: 7 }}
        onFinish={(values) => {
          clearFormError();
          create.mutate(values);
        }}
      >
        <Form.Item name="kind">
          <Segmented
            block
            options={(['request', 'offer'] as const).map((kind) => ({
              value: kind,
              label: t(`portal.tb.kind.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('portal.tb.category')}>
          <Select
            options={POST_CATEGORIES.map((category) => ({
              value: category,
              label: t(`portal.tb.category.${category}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('portal.tb.postTitle')}
          rules={[{ required: true, whitespace: true, message: t('portal.tb.postTitleRequired') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('portal.tb.postTitlePlaceholder')}
            data-testid="portal-tb-title"
          />
        </Form.Item>
        <Form.Item name="description" label={t('portal.tb.description')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('portal.tb.postMinutes')}
          rules={[{ required: true, message: t('portal.tb.postMinutesRequired') }]}
        >
          <InputNumber
            min={1}
            max={1_000_000}
            precision={0}
            style={{ width: '100%' }}
            data-testid="portal-tb-minutes"
          />
        </Form.Item>
        <Form.Item name="days" label={t('portal.tb.expiresIn')}>
          <Segmented
            block
            options={DAYS.map((days) => ({ value: days, label: t('portal.tb.days', { days }) }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={create.isPending}
          style={{ height: 48 }}
          data-testid="portal-tb-publish"
        >
          {t('portal.tb.publish')}
        </Button>
        <FormError message={formError} />
      </Form>
    </PortalCard>
  );
}
