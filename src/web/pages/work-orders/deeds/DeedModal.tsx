import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createDeed, deedKeys } from '../../../api/deeds';
import { FormModal, useModalForm } from '../../../components/FormModal';
import { MemberPicker } from '../../../components/MemberPicker';
import { useI18n } from '../../../i18n/I18nProvider';
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
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<DeedForm>(
    ['memberId', 'title', 'description', 'doneOn'],
    onClose,
  );
  const create = useMutation({
    mutationFn: (values: DeedForm) =>
      createDeed({
        memberId: values.memberId,
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        doneOn: values.doneOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deedKeys.all }),
  });
  return (
    <FormModal<DeedForm>
      title={t('wo.deeds.new')}
      form={form}
      formError={formError}
      pending={create.isPending}
      onFinish={(values) => run(create, values, () => t('wo.deeds.saved'))}
      onClose={onClose}
      initialValues={{ doneOn: dayjs().tz(ZONE) }}
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
    </FormModal>
  );
}
