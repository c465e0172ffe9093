import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { assignCare, coverageKeys } from '../../api/coverage';
import { householdKeys } from '../../api/households';
import type { UncoveredHousehold } from '../../api/organization-types';
import { organizationKeys } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
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
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<AssignForm>(['memberId'], onClose);
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

  return (
    <FormModal<AssignForm>
      title={t('coverage.assignTitle', { place })}
      okText={t('coverage.assign')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={({ memberId }) => run(mutation, memberId, () => t('coverage.assigned', { place }))}
      onClose={onClose}
    >
      <Form.Item
        name="memberId"
        label={t('household.caringMember')}
        extra={t('coverage.assignHint')}
        rules={[{ required: true, message: t('org.leaderRequired') }]}
      >
        <MemberPicker testId="assign-member" />
      </Form.Item>
    </FormModal>
  );
}
