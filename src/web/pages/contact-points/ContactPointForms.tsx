import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, List, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { CONTACT_WAYS } from '../../../shared/api/worklogs';
import { beijingDate } from '../../../shared/beijing-time';
import { organizationsInScopeQuery } from '../../api/organizations';
import { usersQuery } from '../../api/users';
import {
  assignContactPoint,
  type ContactPoint,
  contactPointQuery,
  endContactPoint,
  recordContact,
  worklogKeys,
} from '../../api/worklogs';
import { FormModal, useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';

const today = () => beijingDate(new Date());

interface AssignValues {
  leaderUserId: string;
  organizationId: string;
  startOn: string;
}

/** Assigns a leader (an active account of the district, searched by name) to a party organization. */
export function AssignContactPointModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const { form, formError, run } = useModalForm<AssignValues>(
    ['leaderUserId', 'organizationId', 'startOn'],
    onClose,
  );
  const organizations = useQuery(organizationsInScopeQuery());
  const users = useInfiniteQuery(usersQuery({ q, status: 'active' }));
  const mutation = useMutation({
    mutationFn: assignContactPoint,
    onSuccess: () => client.invalidateQueries({ queryKey: worklogKeys.all }),
  });
  return (
    <FormModal<AssignValues>
      title={t('contactPoints.assign')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('contactPoints.assign'))}
      onClose={onClose}
      initialValues={{ startOn: today() }}
    >
      <Form.Item name="leaderUserId" label={t('contactPoints.leader')} rules={[{ required: true }]}>
        <Select<string>
          showSearch
          filterOption={false}
          onSearch={setQ}
          placeholder={t('contactPoints.leaderSearch')}
          options={(users.data?.pages[0]?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="organizationId" label={t('contactPoints.organization')} rules={[{ required: true }]}>
        <Select<string>
          showSearch
          optionFilterProp="label"
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="startOn" label={t('contactPoints.startOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

/** Ends an assignment on a date. */
export function EndContactPointModal({ point, onClose }: { point: ContactPoint; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<{ endOn: string }>(['endOn'], onClose);
  const mutation = useMutation({
    mutationFn: (v: { endOn: string }) => endContactPoint(point.id, v.endOn),
    onSuccess: () => client.invalidateQueries({ queryKey: worklogKeys.all }),
  });
  return (
    <FormModal<{ endOn: string }>
      title={`${t('contactPoints.end')} · ${point.leaderName} · ${point.organizationName}`}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('contactPoints.ended'))}
      onClose={onClose}
      initialValues={{ endOn: today() }}
      okButtonProps={{ danger: true }}
    >
      <Form.Item name="endOn" label={t('contactPoints.endOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

interface RecordValues {
  contactedOn: string;
  way: string;
  findings: string;
  outcome: string;
}

/** The leader records a contact on one of their own contact points. */
export function RecordContactModal({ point, onClose }: { point: ContactPoint; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<RecordValues>(
    ['contactedOn', 'way', 'findings', 'outcome'],
    onClose,
  );
  const mutation = useMutation({
    mutationFn: (v: RecordValues) =>
      recordContact(point.id, { ...v, way: v.way as (typeof CONTACT_WAYS)[number] }),
    onSuccess: () => client.invalidateQueries({ queryKey: worklogKeys.all }),
  });
  return (
    <FormModal<RecordValues>
      title={`${t('contactPoints.record')} · ${point.organizationName}`}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) => run(mutation, v, () => t('contactPoints.recordSaved'))}
      onClose={onClose}
      initialValues={{ contactedOn: today(), way: 'on_site' }}
      okButtonProps={{ 'data-testid': 'contact-record-submit' }}
    >
      <Form.Item name="contactedOn" label={t('contactPoints.contactedOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="way" label={t('contactPoints.way')} rules={[{ required: true }]}>
        <Select<string>
          options={CONTACT_WAYS.map((w) => ({ value: w, label: t(`contactPoints.way.${w}`) }))}
        />
      </Form.Item>
      <Form.Item name="findings" label={t('contactPoints.findings')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="outcome" label={t('contactPoints.outcome')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** A contact point's records, newest first (the leader's own route when `own`). */
export function ContactHistoryModal({
  point,
  own,
  onClose,
}: {
  point: ContactPoint;
  own: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const detail = useQuery(contactPointQuery(point.id, own));
  return (
    <Modal
      open
      title={`${t('contactPoints.history')} · ${point.organizationName}`}
      onCancel={onClose}
      footer={null}
    >
      {detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <List
          loading={detail.isPending}
          dataSource={detail.data?.contactRecords ?? []}
          locale={{ emptyText: t('contactPoints.never') }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={`${r.contactedOn} · ${t(`contactPoints.way.${r.way}`)}`}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      {t('contactPoints.findings')}：{r.findings}
                    </Typography.Paragraph>
                    <Typography.Paragraph style={{ marginBottom: 0 }}>
                      {t('contactPoints.outcome')}：{r.outcome}
                    </Typography.Paragraph>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
