import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { createCommendation, type NewCommendation, workflowKeys } from '../../api/member-workflows';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormError } from '../../components/FormError';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { ZONE } from '../../lib/time';

/** 新增表彰: a title (优秀共产党员, 先进基层党组织…) for a member or an organization of the jurisdiction. */
export function CommendationModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewCommendation>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'year',
    'title',
    'subjectType',
    'subjectId',
    'note',
  ]);
  const subjectType = Form.useWatch('subjectType', form);
  const organizations = useQuery({ ...organizationsInScopeQuery(), enabled: subjectType === 'organization' });
  const mutation = useMutation({
    mutationFn: createCommendation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });
  const year = dayjs().tz(ZONE).year();

  const submit = (values: NewCommendation) => {
    clearFormError();
    mutation.mutate(
      {
        ...values,
        title: values.title.trim(),
        ...(values.note?.trim() ? { note: values.note.trim() } : { note: undefined }),
      },
      {
        onSuccess: (created) => {
          void message.success(t('commendation.created', { name: created.subjectName }));
          onClose();
        },
        onError: onServerError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('commendation.create')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<NewCommendation>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, subjectType: 'member' }}
        onValuesChange={(changed: Partial<NewCommendation>) => {
          if ('subjectType' in changed) form.setFieldsValue({ subjectId: undefined });
        }}
      >
        <Form.Item name="year" label={t('commendation.year')}>
          <InputNumber min={1921} max={year} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('commendation.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('commendation.titleRequired') }]}
        >
          <Input maxLength={50} placeholder={t('commendation.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="subjectType" label={t('commendation.subjectType')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: t('commendation.type.member') },
              { value: 'organization', label: t('commendation.type.organization') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={t('commendation.subject')}
          rules={[{ required: true, message: t('commendation.subjectRequired') }]}
        >
          {subjectType === 'organization' ? (
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              loading={organizations.isPending}
              options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : (
            <MemberPicker />
          )}
        </Form.Item>
        <Form.Item name="note" label={t('commendation.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
