import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Radio, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  assess,
  cancelEnrollment,
  certificatePdf,
  completeCourse,
  courseQuery,
  type Enrollment,
  trainingKeys,
} from '../../api/training';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { ZONE } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { AttendanceTaker } from './AttendanceTaker';
import { EnrollModal } from './EnrollModal';
import { SessionsModal } from './SessionsModal';

const when = (iso: string) => dayjs(iso).tz(ZONE).format('MM-DD ddd HH:mm');

/** One course: its sessions with roll call, the trainees (waiting list, shares, assessment), completion. */
export function CoursePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = hasPermission(me, 'job.manage');
  const detail = useQuery(courseQuery(id));
  const [modal, setModal] = useState<'sessions' | 'enroll' | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'completed' in result) {
        const r = result as { completed: number; notCompleted: number };
        void message.success(t('training.completed', r));
      }
      await client.invalidateQueries({ queryKey: trainingKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  const { course, sessions, enrollments } = detail.data;
  const open = course.status === 'open';
  // The session shown for roll call: the one picked, else today's or the next, else the last.
  const now = Date.now();
  const current =
    sessions.find((s) => s.id === sessionId) ??
    sessions.find((s) => Date.parse(s.endsAt) > now) ??
    sessions.at(-1);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={<span data-testid="course-title">{course.title}</span>}
        extra={
          canManage &&
          open && (
            <Space wrap>
              <Button onClick={() => setModal('sessions')} data-testid="add-sessions">
                {t('training.addSessions')}
              </Button>
              <Button onClick={() => setModal('enroll')} data-testid="enroll">
                {t('training.enroll')}
              </Button>
              <Popconfirm
                title={t('training.completeConfirm')}
                onConfirm={() => change.mutate(() => completeCourse(id))}
              >
                <Button type="primary" data-testid="complete-course">
                  {t('training.complete')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('training.kind')}>
            {t(`training.kind.${course.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.status')}>
            <Tag data-testid="course-status">{t(`training.status.${course.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('training.place')}>{course.place}</Descriptions.Item>
          <Descriptions.Item label={t('training.enrolledOf')}>
            {course.enrolled}/{course.capacity}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.skills')}>
            {course.skills.map((s) => (
              <Tag key={s}>{s}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.completionPct')}>{course.completionPct}%</Descriptions.Item>
        </Descriptions>
      </Card>
      {current && (
        <Card size="small" title={t('training.takeAttendance')}>
          {/* One button per session (the running or next one picked first): a tap switches the roll. */}
          <Radio.Group
            size="small"
            optionType="button"
            value={current.id}
            onChange={(e) => setSessionId(e.target.value as string)}
            style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 4 }}
            data-testid="session-select"
            options={sessions.map((s, i) => ({
              value: s.id,
              label: <span data-testid={`session-option-${i + 1}`}>{`${i + 1}. ${when(s.startsAt)}`}</span>,
            }))}
          />
          <AttendanceTaker key={current.id} sessionId={current.id} canManage={canManage && open} />
        </Card>
      )}
      <Card size="small" title={t('training.roster')}>
        <ResponsiveTable<Enrollment>
          rowKey="id"
          size="small"
          dataSource={enrollments.filter((e) => e.status !== 'cancelled')}
          pagination={false}
          columns={[
            { title: t('training.name'), dataIndex: 'name', width: 90 },
            { title: t('training.phone'), dataIndex: 'phone', width: 120 },
            {
              title: t('training.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: Enrollment['status'], e) => (
                <Tag data-testid="enrollment-status">
                  {s === 'waitlisted'
                    ? t('training.enrollment.waitlisted', { n: e.waitlistPosition ?? 0 })
                    : t(`training.enrollment.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('training.attendance'),
              dataIndex: 'attendancePct',
              width: 90,
              render: (pct: number | null, e) =>
                pct === null ? '—' : `${pct}% (${e.attended}/${e.counted})`,
            },
            {
              title: t('common.actions'),
              dataIndex: 'id',
              render: (enrollmentId: string, e) => (
                <Space size={4} wrap>
                  {canManage && open && course.hasAssessment && e.status === 'enrolled' && (
                    <Select
                      size="small"
                      style={{ width: 90 }}
                      value={e.assessment ?? undefined}
                      placeholder={t('training.assessment')}
                      aria-label={t('training.assessment')}
                      options={[
                        { value: 'passed', label: t('training.passed') },
                        { value: 'failed', label: t('training.failed') },
                      ]}
                      onChange={(result: 'passed' | 'failed') =>
                        change.mutate(() => assess(enrollmentId, result))
                      }
                    />
                  )}
                  {canManage && open && (e.status === 'enrolled' || e.status === 'waitlisted') && (
                    <Button size="small" onClick={() => change.mutate(() => cancelEnrollment(enrollmentId))}>
                      {t('training.cancel')}
                    </Button>
                  )}
                  {e.certificateSerial && (
                    <Button
                      size="small"
                      data-testid="certificate-download"
                      onClick={() =>
                        change.mutate(async () =>
                          saveFile(await certificatePdf(enrollmentId, e.certificateSerial!)),
                        )
                      }
                    >
                      {t('training.certificate')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {modal === 'sessions' && <SessionsModal courseId={id} onClose={() => setModal(null)} />}
      {modal === 'enroll' && <EnrollModal courseId={id} onClose={() => setModal(null)} />}
    </Space>
  );
}
