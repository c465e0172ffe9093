import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, InputNumber, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { CONTACT_OVERDUE_DAYS } from '../../../shared/api/worklogs';
import { type ContactPoint, contactPointsQuery, myContactPointsQuery } from '../../api/worklogs';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import {
  AssignContactPointModal,
  ContactHistoryModal,
  EndContactPointModal,
  RecordContactModal,
} from './ContactPointForms';

type Dialog =
  | { kind: 'assign' }
  | { kind: 'end' | 'record'; point: ContactPoint }
  | { kind: 'history'; point: ContactPoint; own: boolean };

/**
 * /contact-points — 领导联系点: my contact points (every signed-in staff member: a leader's own,
 * with the last contact and those not contacted in N days flagged), and the assignments in scope
 * (worklog.read; assigned and ended with contactpoint.manage).
 */
export function ContactPointsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [days, setDays] = useState(CONTACT_OVERDUE_DAYS);
  const [open, setOpen] = useState('true');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canRead = hasPermission(me, 'worklog.read');
  const canManage = hasPermission(me, 'contactpoint.manage');
  const mine = useQuery(myContactPointsQuery(days));
  const assignments = useInfiniteQuery({
    ...contactPointsQuery({ open, days: String(days) }),
    enabled: canRead,
    placeholderData: keepPreviousData,
  });
  const assignmentRows = assignments.data?.pages.flatMap((p) => p.items) ?? [];

  const common = [
    { title: t('contactPoints.organization'), dataIndex: 'organizationName' },
    { title: t('contactPoints.startOn'), dataIndex: 'startOn' },
    { title: t('contactPoints.records'), dataIndex: 'records' },
    {
      title: t('contactPoints.lastContactOn'),
      dataIndex: 'lastContactOn',
      render: (last: string | null, p: ContactPoint) => (
        <Space size={4} wrap>
          {last ?? t('contactPoints.never')}
          {p.overdue && <Tag color="red">{t('contactPoints.overdue', { days })}</Tag>}
        </Space>
      ),
    },
  ];

  const myTable = mine.isError ? (
    <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
  ) : (
    <ResponsiveTable<ContactPoint>
      rowKey="id"
      size="small"
      loading={mine.isPending}
      dataSource={mine.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('contactPoints.empty') }}
      columns={[
        ...common,
        {
          title: '',
          key: 'actions',
          render: (_: unknown, p) => (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => setDialog({ kind: 'record', point: p })}>
                {t('contactPoints.record')}
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'history', point: p, own: true })}>
                {t('contactPoints.history')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );

  const assignmentTable = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          value={open}
          onChange={setOpen}
          aria-label={t('contactPoints.status')}
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t('contactPoints.open') },
            { value: 'false', label: t('contactPoints.ended') },
          ]}
        />
        {canManage && (
          <Button
            type="primary"
            onClick={() => setDialog({ kind: 'assign' })}
            data-testid="assign-contact-point"
          >
            {t('contactPoints.assign')}
          </Button>
        )}
      </Flex>
      {assignments.isError ? (
        <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <>
          <ResponsiveTable<ContactPoint>
            rowKey="id"
            size="small"
            loading={assignments.isPending || assignments.isPlaceholderData}
            dataSource={assignmentRows}
            pagination={false}
            locale={{ emptyText: t('contactPoints.empty') }}
            columns={[
              { title: t('contactPoints.leader'), dataIndex: 'leaderName' },
              ...common,
              { title: t('contactPoints.endOn'), dataIndex: 'endOn', render: (d: string | null) => d ?? '—' },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, p) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setDialog({ kind: 'history', point: p, own: false })}>
                      {t('contactPoints.history')}
                    </Button>
                    {canManage && p.endOn === null && (
                      <Button size="small" danger onClick={() => setDialog({ kind: 'end', point: p })}>
                        {t('contactPoints.end')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <LoadMore
            count={assignmentRows.length}
            hasMore={assignments.hasNextPage}
            loading={assignments.isFetchingNextPage}
            onLoadMore={() => void assignments.fetchNextPage()}
          />
        </>
      )}
    </>
  );

  return (
    <Card
      title={t('nav.contactPoints')}
      extra={
        <Flex gap={6} align="center">
          <span>{t('contactPoints.days')}</span>
          <InputNumber
            min={7}
            max={730}
            value={days}
            onChange={(v) => setDays(v ?? CONTACT_OVERDUE_DAYS)}
            aria-label={t('contactPoints.days')}
            style={{ width: 90 }}
          />
        </Flex>
      }
      data-testid="contact-points-page"
    >
      <Tabs
        items={[
          { key: 'mine', label: t('contactPoints.mine'), children: myTable },
          ...(canRead
            ? [{ key: 'all', label: t('contactPoints.assignments'), children: assignmentTable }]
            : []),
        ]}
      />
      {dialog?.kind === 'assign' && <AssignContactPointModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && (
        <EndContactPointModal point={dialog.point} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'record' && (
        <RecordContactModal point={dialog.point} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'history' && (
        <ContactHistoryModal point={dialog.point} own={dialog.own} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
