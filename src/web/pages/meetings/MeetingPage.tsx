import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  approveMeeting,
  type MeetingDetail,
  meetingKeys,
  meetingQuery,
  returnMeeting,
} from '../../api/meetings';
import { QueryError } from '../../components/QueryError';
import { ReasonModal } from '../../components/ReasonModal';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { statusColor } from './meeting-colors';
import { SubmitMeetingModal } from './SubmitMeetingModal';

type Attendee = MeetingDetail['attendance'][number];

/** /meetings/:id — a meeting: attendance, minutes, decisions; submit, approve or return it. */
export function MeetingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const meeting = useQuery(meetingQuery(id));
  const [submitting, setSubmitting] = useState(false);
  const [returning, setReturning] = useState(false);
  const approve = useMutation({
    mutationFn: () => approveMeeting(id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: meetingKeys.all });
      void message.success(t('meetings.approved'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (meeting.isError) return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  if (!m) return <Card loading />;
  const editable = hasPermission(me, 'meeting.write') && (m.status === 'draft' || m.status === 'returned');
  const reviewable = hasPermission(me, 'meeting.review') && m.status === 'submitted';
  return (
    <Card
      title={m.topic}
      extra={
        <Space wrap>
          {editable && <Link to={`/meetings/${m.id}/edit`}>{t('meetings.edit')}</Link>}
          {editable && (
            <Button type="primary" onClick={() => setSubmitting(true)} data-testid="meeting-submit">
              {t('meetings.submit')}
            </Button>
          )}
          {reviewable && (
            <Button
              type="primary"
              loading={approve.isPending}
              onClick={() => approve.mutate()}
              data-testid="meeting-approve"
            >
              {t('meetings.approve')}
            </Button>
          )}
          {reviewable && (
            <Button danger onClick={() => setReturning(true)} data-testid="meeting-return">
              {t('meetings.return')}
            </Button>
          )}
        </Space>
      }
      data-testid="meeting-page"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('meetings.organization')}>{m.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.type')}>{t(`meetings.type.${m.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.status')}>
          <Tag color={statusColor[m.status]} data-testid="meeting-status">
            {t(`meetings.status.${m.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('meetings.plannedOn')}>{m.plannedOn}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.heldOn')}>{m.heldOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.duration')}>{m.durationMinutes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.presenter')}>{m.presenterName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.recorder')}>{m.recorderName ?? '—'}</Descriptions.Item>
        {m.returnReason && (
          <Descriptions.Item label={t('meetings.returnReason')}>
            <Typography.Text type="danger">{m.returnReason}</Typography.Text>
          </Descriptions.Item>
        )}
        {m.reviewedBy && (
          <Descriptions.Item label={t('meetings.reviewedBy')}>{m.reviewedBy}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>
        {t('meetings.attendance')} ·{' '}
        {t('meetings.attendanceCount', { expected: m.expected, present: m.present, absent: m.absent })}
      </Typography.Title>
      <ResponsiveTable<Attendee>
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={m.attendance}
        columns={[
          { title: t('meetings.member'), dataIndex: 'name' },
          {
            title: t('meetings.attendance'),
            dataIndex: 'mark',
            render: (mark: Attendee['mark']) => (
              <Tag color={mark === 'absent' ? 'orange' : mark === 'present' ? 'green' : undefined}>
                {t(`meetings.mark.${mark}`)}
              </Tag>
            ),
          },
          {
            title: t('meetings.absenceReason'),
            dataIndex: 'absenceReason',
            render: (r: string | null) => r ?? '',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('meetings.minutes')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || '—'}</Typography.Paragraph>
      {m.decisions.length > 0 && (
        <>
          <Typography.Title level={5}>{t('meetings.decisions')}</Typography.Title>
          <ul data-testid="meeting-decisions">
            {m.decisions.map((d) => (
              <li key={d.id}>
                {d.title} · {d.ownerName ?? '—'} · {t('meetings.dueOn')} {d.dueOn} ·{' '}
                {t(`meetings.task.status.${d.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {submitting && <SubmitMeetingModal meeting={m} onClose={() => setSubmitting(false)} />}
      {returning && (
        <ReasonModal
          title={t('meetings.return')}
          hint={t('meetings.returnHint')}
          okText={t('meetings.return')}
          danger
          onSubmit={async (reason) => {
            await returnMeeting(m.id, reason);
            await client.invalidateQueries({ queryKey: meetingKeys.all });
          }}
          onClose={() => setReturning(false)}
        />
      )}
    </Card>
  );
}
