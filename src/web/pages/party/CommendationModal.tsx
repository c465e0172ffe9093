import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { createCommendation, type NewCommendation, workflowKeys } from '../../api/member-workflows';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';

/** 新增表彰: a title (优秀共产党员, 先进基层党组织…) for a member or an organization of the jurisdiction. */
export function CommendationModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<NewCommendation>(
    ['year', 'title', 'subjectType', 'subjectId', 'note'],
    onClose,
  );
  const subjectType = Form.useWatch('subjectType', form);
  const organizations = useQuery({ ...organizationsInScopeQuery(), enabled: subjectType === 'organization' });
  const mutation = useMutation({
    mutationFn: createCommendation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });
  const year = dayjs().tz(ZONE).year();

  const submit = (values: NewCommendation) =>
    run(
      mutation,
      {
        ...values,
        title: values.title.trim(),
        ...(values.note?.trim() ? { note: values.note.trim() } : { note: undefined }),
      },
      (created) => t('commendation.created', { name: created.subjectName }),
    );

  return (
    <FormModal<NewCommendation>
      title={t('commendation.create')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
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
    </FormModal>
  );
}
