import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  decideRegistration,
  registrationSummaryQuery,
  registrationsQuery,
  workflowKeys,
} from '../../api/member-workflows';
import type { Registration, RegistrationStatus } from '../../api/organization-types';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { RegistrationStatusTag } from '../members/RegistrationView';
import { RegistrationSummaryTable } from './RegistrationSummaryTable';

const STATUSES: RegistrationStatus[] = ['pending', 'confirmed', 'rejected'];

/** 双报到 of the communities in scope: the summary per community, and the registrations to decide. */
export function RegistrationsTab({ region }: { region: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const summary = useQuery(registrationSummaryQuery(region));
  const registrations = useQuery(registrationsQuery(region, status));
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'reject' }) =>
      decideRegistration(id, decision),
    onSuccess: async (decided) => {
      void message.success(
        t(decided.status === 'confirmed' ? 'registration.confirmed' : 'registration.rejected', {
          name: decided.memberName,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const columns: TableColumnsType<Registration> = [
    {
      title: t('member.name'),
      dataIndex: 'memberName',
      render: (name: string, r) => <Link to={`/members/${r.memberId}`}>{name}</Link>,
    },
    { title: t('member.organization'), dataIndex: 'organizationName' },
    { title: t('registration.community'), dataIndex: 'communityName', width: 120 },
    {
      title: t('registration.serviceAreas'),
      dataIndex: 'serviceAreas',
      render: (areas: string[]) => (
        <Space size={2} wrap>
          {areas.map((a) => (
            <Tag key={a}>{a}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('registration.commitment'), dataIndex: 'commitment', ellipsis: true },
    {
      title: t('registration.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: RegistrationStatus) => <RegistrationStatusTag status={s} />,
    },
    { title: t('registration.submittedAt'), dataIndex: 'createdAt', width: 160, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, r) =>
        r.status === 'pending' && hasPermissionIn(me, 'org.write', r.communityCode) ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              loading={decide.isPending && decide.variables?.id === r.id}
              onClick={() => decide.mutate({ id: r.id, decision: 'confirm' })}
              data-testid={`confirm-${r.id}`}
            >
              {t('registration.confirm')}
            </Button>
            <Popconfirm
              title={t('registration.rejectConfirm', { name: r.memberName })}
              onConfirm={() => decide.mutate({ id: r.id, decision: 'reject' })}
            >
              <Button size="small" danger data-testid={`reject-${r.id}`}>
                {t('registration.reject')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <RegistrationSummaryTable rows={summary.data ?? []} loading={summary.isPending} />
      )}
      <Space style={{ margin: '16px 0 8px' }}>
        <Typography.Text strong>{t('registration.list')}</Typography.Text>
        <Select<RegistrationStatus | ''>
          aria-label={t('registration.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[
            { value: '', label: t('registration.allStatuses') },
            ...STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) })),
          ]}
          data-testid="registration-status-filter"
        />
      </Space>
      {registrations.isError ? (
        <QueryError error={registrations.error} onRetry={() => void registrations.refetch()} />
      ) : (
        <Table<Registration>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={registrations.data}
          loading={registrations.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('registration.listEmpty') }}
          data-testid="registrations-table"
        />
      )}
    </>
  );
}
