import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createDeed, deedKeys } from '../../../api/deeds';
import { FormError } from '../../../components/FormError';
import { MemberPicker } from '../../../components/MemberPicker';
import { useI18n } from '../../../i18n/I18nProvider';
import { useServerErrors } from '../../../lib/form-errors';
import { ZONE } from '../../../lib/time';

interface DeedForm {
  memberId: string;
  title: string;
  description?: string;
  doneOn: Dayjs;
}

/** Records a good deed (好事实事) of a member by hand: who, what, when. */
export function DeedModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DeedForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'memberId',
    'title',
    'description',
    'doneOn',
  ]);
  const create = useMutation({
    mutationFn: (values: DeedForm) =>
      createDeed({
        memberId: values.memberId,
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        doneOn: values.doneOn.format('YYYY-MM-DD'),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: deedKeys.all });
      void message.success(t('wo.deeds.saved'));
      onClose();
    },
    onError: onServerError,
  });
  return (
    <Modal
      open
      title={t('wo.deeds.new')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form<DeedForm>
        form={form}
        layout="vertical"
        initialValues={{ doneOn: dayjs().tz(ZONE) }}
        onFinish={(values) => {
          clearFormError();
          create.mutate(values);
        }}
      >
        <Form.Item
          name="memberId"
          label={t('wo.deeds.member')}
          rules={[{ required: true, message: t('wo.deeds.memberRequired') }]}
        >
          <MemberPicker testId="deed-member" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('wo.deeds.title')}
          rules={[{ required: true, whitespace: true, message: t('wo.deeds.titleRequired') }]}
        >
          <Input maxLength={100} placeholder={t('wo.deeds.titlePlaceholder')} data-testid="deed-title" />
        </Form.Item>
        <Form.Item name="description" label={t('wo.deeds.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="doneOn" label={t('wo.deeds.doneOn')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(day) => day.format('YYYY-MM-DD') > dayjs().tz(ZONE).format('YYYY-MM-DD')}
            data-testid="deed-done-on"
          />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
