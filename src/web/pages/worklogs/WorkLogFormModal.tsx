import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select, Typography } from 'antd';
import { WORK_LOG_KINDS } from '../../../shared/api/worklogs';
import { beijingDate } from '../../../shared/beijing-time';
import { organizationsInScopeQuery } from '../../api/organizations';
import { createWorkLog, updateWorkLog, voidWorkLog, type WorkLog, worklogKeys } from '../../api/worklogs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  organizationId: string;
  loggedOn: string;
  kind: string;
  content: string;
  workOrderId?: string;
  visitId?: string;
  volunteerActivityId?: string;
}

const FIELDS = [
  'organizationId',
  'loggedOn',
  'kind',
  'content',
  'workOrderId',
  'visitId',
  'volunteerActivityId',
] as const;

/** Writes a new work log, or corrects `log` (its author, within 7 days); links are checked by the server. */
export function WorkLogFormModal({ log, onClose }: { log?: WorkLog; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const organizations = useQuery(organizationsInScopeQuery());
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        loggedOn: v.loggedOn,
        kind: v.kind as WorkLog['kind'],
        content: v.content,
        workOrderId: v.workOrderId?.trim() ?? '',
        visitId: v.visitId?.trim() ?? '',
        volunteerActivityId: v.volunteerActivityId?.trim() ?? '',
      };
      return log ? updateWorkLog(log.id, body) : createWorkLog({ organizationId: v.organizationId, ...body });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: worklogKeys.all }),
  });
  return (
    <FormModal<Values>
      title={log ? t('worklogs.edit') : t('worklogs.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('worklogs.saved'))}
      onClose={onClose}
      width={640}
      initialValues={{
        organizationId: log?.organizationId,
        loggedOn: log?.loggedOn ?? beijingDate(new Date()),
        kind: log?.kind ?? 'visit',
        content: log?.content ?? '',
        workOrderId: log?.workOrderId ?? '',
        visitId: log?.visitId ?? '',
        volunteerActivityId: log?.volunteerActivityId ?? '',
      }}
      okButtonProps={{ 'data-testid': 'worklog-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('worklogs.editRule')}</Typography.Paragraph>
      <Form.Item name="organizationId" label={t('worklogs.organization')} rules={[{ required: true }]}>
        <Select<string>
          showSearch
          optionFilterProp="label"
          disabled={log !== undefined}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="worklog-organization"
        />
      </Form.Item>
      <Form.Item name="loggedOn" label={t('worklogs.loggedOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="kind" label={t('worklogs.kind')} rules={[{ required: true }]}>
        <Select<string> options={WORK_LOG_KINDS.map((k) => ({ value: k, label: t(`worklogs.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('worklogs.content')} rules={[{ required: true }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid="worklog-content" />
      </Form.Item>
      <Form.Item name="workOrderId" label={t('worklogs.workOrderId')}>
        <Input maxLength={36} />
      </Form.Item>
      <Form.Item name="visitId" label={t('worklogs.visitId')}>
        <Input maxLength={36} />
      </Form.Item>
      <Form.Item name="volunteerActivityId" label={t('worklogs.volunteerActivityId')}>
        <Input maxLength={36} />
      </Form.Item>
    </FormModal>
  );
}

/** Voids one's own log with the reason (kept, marked void, audited). */
export function VoidWorkLogModal({ log, onClose }: { log: WorkLog; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<{ reason: string }>(['reason'], onClose);
  const mutation = useMutation({
    mutationFn: (v: { reason: string }) => voidWorkLog(log.id, v.reason),
    onSuccess: () => client.invalidateQueries({ queryKey: worklogKeys.all }),
  });
  return (
    <FormModal<{ reason: string }>
      title={t('worklogs.void')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('worklogs.saved'))}
      onClose={onClose}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="reason" label={t('worklogs.voidReason')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
