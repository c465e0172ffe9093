import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { requestTransfer, workflowKeys } from '../../api/member-workflows';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { MemberPicker } from '../../components/MemberPicker';
import { useI18n } from '../../i18n/I18nProvider';
import { holdsMembers } from '../organizations/organization-kinds';

interface TransferForm {
  memberId: string;
  toOrganizationId: string;
  duesPaidUntil: Dayjs;
  letterValidDays: number;
  note?: string;
}

/** 发起转接: the sending side asks to move a member's relationship to another party organization. */
export function TransferRequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<TransferForm>(
    ['memberId', 'toOrganizationId', 'duesPaidUntil', 'letterValidDays', 'note'],
    onClose,
  );
  // Receiving organizations the user can see; one elsewhere in the district is not listed.
  const organizations = useQuery(organizationsInScopeQuery());
  const mutation = useMutation({
    mutationFn: requestTransfer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.all }),
  });

  const submit = (values: TransferForm) =>
    run(
      mutation,
      {
        memberId: values.memberId,
        toOrganizationId: values.toOrganizationId,
        duesPaidUntil: values.duesPaidUntil.format('YYYY-MM'),
        letterValidDays: values.letterValidDays,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      () => t('transfer.requested'),
    );

  const required = (text: string) => [{ required: true, message: text }];
  return (
    <FormModal<TransferForm>
      title={t('transfer.request')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ letterValidDays: 30 }}
    >
      <Form.Item name="memberId" label={t('member.name')} rules={required(t('transfer.memberRequired'))}>
        <MemberPicker testId="transfer-member" />
      </Form.Item>
      <Form.Item name="toOrganizationId" label={t('transfer.to')} rules={required(t('transfer.toRequired'))}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          loading={organizations.isPending}
          options={(organizations.data ?? [])
            .filter((o) => holdsMembers(o.kind))
            .map((o) => ({ value: o.id, label: o.name }))}
          data-testid="transfer-to"
        />
      </Form.Item>
      <Form.Item
        name="duesPaidUntil"
        label={t('transfer.duesPaidUntil')}
        rules={required(t('transfer.duesRequired'))}
      >
        <DatePicker picker="month" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="letterValidDays" label={t('transfer.letterValidDays')}>
        <InputNumber min={1} max={90} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('transfer.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
