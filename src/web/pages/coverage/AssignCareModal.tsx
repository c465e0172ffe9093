import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { assignCare, coverageKeys } from '../../api/coverage';
import { householdKeys } from '../../api/households';
import type { UncoveredHousehold } from '../../api/organization-types';
import { organizationKeys } from '../../api/organizations';
import { FormError } from '../../components/FormError';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { useServerErrors } from '../../lib/form-errors';
import { placeOf } from '../households/place';

interface AssignForm {
  memberId: string;
}

/** 指派: names a member of the jurisdiction as the household's caring member. */
export function AssignCareModal({
  household,
  onClose,
}: {
  household: UncoveredHousehold;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['memberId']);
  const mutation = useMutation({
    mutationFn: (memberId: string) => assignCare(household.id, memberId),
    // The figures, the list, the map cells and the member's own page all change.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
        queryClient.invalidateQueries({ queryKey: householdKeys.all }),
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
      ]),
  });
  const place = `${household.placeName} ${placeOf(t, household)}`;

  const submit = ({ memberId }: AssignForm) => {
    clearFormError();
    mutation.mutate(memberId, {
      onSuccess: () => {
        void message.success(t('coverage.assigned', { place }));
        onClose();
      },
      onError: onServerError,
    });
  };

  return (
    <Modal
      open
      title={t('coverage.assignTitle', { place })}
      okText={t('coverage.assign')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form<AssignForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="memberId"
          label={t('household.caringMember')}
          extra={t('coverage.assignHint')}
          rules={[{ required: true, message: t('org.leaderRequired') }]}
        >
          <MemberPicker testId="assign-member" />
        </Form.Item>
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
