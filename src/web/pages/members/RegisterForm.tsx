import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { type NewRegistration, register, workflowKeys } from '../../api/member-workflows';
import { type Registration, SERVICE_AREAS, type ServiceArea } from '../../api/organization-types';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { FormError } from '../../components/FormError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';

/** Register at a community (or village): 1–8 service areas and a commitment; the secretary confirms. */
export function RegisterForm({ previous }: { previous: Registration | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewRegistration>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'communityCode',
    'serviceAreas',
    'commitment',
  ]);
  const mutation = useMutation({
    mutationFn: register,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });

  const submit = (values: NewRegistration) => {
    clearFormError();
    mutation.mutate(
      { ...values, commitment: values.commitment.trim() },
      {
        onSuccess: () => void message.success(t('registration.submitted')),
        onError: onServerError,
      },
    );
  };

  return (
    <Form<NewRegistration>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={
        previous
          ? {
              communityCode: previous.communityCode,
              serviceAreas: previous.serviceAreas as ServiceArea[],
              commitment: previous.commitment,
            }
          : { serviceAreas: [] }
      }
      style={{ maxWidth: 640 }}
      data-testid="register-form"
    >
      <Form.Item
        name="communityCode"
        label={t('registration.community')}
        extra={t('registration.communityHint')}
        rules={[{ required: true, message: t('registration.communityRequired') }]}
      >
        <RegionTreeSelect kinds={['community', 'village']} testId="register-community" />
      </Form.Item>
      <Form.Item
        name="serviceAreas"
        label={t('registration.serviceAreas')}
        rules={[{ required: true, type: 'array', min: 1, message: t('registration.serviceAreasRequired') }]}
      >
        <CheckboxGroupField
          options={SERVICE_AREAS.map((area) => ({
            value: area,
            label: <span data-testid={`area-${area}`}>{area}</span>,
          }))}
          data-testid="register-areas"
        />
      </Form.Item>
      <Form.Item
        name="commitment"
        label={t('registration.commitment')}
        rules={[{ required: true, whitespace: true, message: t('registration.commitmentRequired') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('registration.commitmentPlaceholder')}
          data-testid="register-commitment"
        />
      </Form.Item>
      <FormError message={formError} />
      <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="register-submit">
        {previous ? t('registration.resubmit') : t('registration.submit')}
      </Button>
    </Form>
  );
}
