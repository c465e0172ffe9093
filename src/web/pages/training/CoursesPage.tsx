import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '../../../shared/api/training';
import {
  type Course,
  coursesQuery,
  type Enrollment,
  followUpsQuery,
  recordFollowUp,
  trainingKeys,
} from '../../api/training';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CourseFormModal } from './CourseFormModal';

/** 职业培训: the courses run in scope, and the graduates due for their six-month follow-up. */
export function CoursesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = hasPermission(me, 'job.manage');
  const [creating, setCreating] = useState(false);
  const courses = useQuery(coursesQuery);
  const followUps = useQuery(followUpsQuery);
  const follow = useMutation({
    mutationFn: (v: { id: string; outcome: FollowUpOutcome }) => recordFollowUp(v.id, v.outcome),
    onSuccess: async () => {
      void message.success(t('training.followUpRecorded'));
      await client.invalidateQueries({ queryKey: trainingKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const courseTable = (
    <ResponsiveTable<Course>
      rowKey="id"
      size="small"
      loading={courses.isLoading}
      dataSource={courses.data?.items ?? []}
      locale={{ emptyText: t('training.noCourses') }}
      pagination={{ pageSize: 20 }}
      onRow={() => ({ 'data-testid': 'course-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('training.title'),
          dataIndex: 'title',
          render: (title: string, c) => (
            <Link to={`/training/${c.id}`} data-testid="course-link">
              {title}
            </Link>
          ),
        },
        {
          title: t('training.kind'),
          dataIndex: 'kind',
          width: 100,
          render: (k: Course['kind']) => t(`training.kind.${k}`),
        },
        { title: t('training.region'), dataIndex: 'regionName', width: 120 },
        {
          title: t('training.enrolledOf'),
          dataIndex: 'enrolled',
          width: 100,
          render: (n: number, c) => `${n}/${c.capacity}${c.waitlisted > 0 ? ` (+${c.waitlisted})` : ''}`,
        },
        { title: t('training.sessions'), dataIndex: 'sessions', width: 70 },
        {
          title: t('training.status'),
          dataIndex: 'status',
          width: 90,
          render: (s: Course['status']) => <Tag>{t(`training.status.${s}`)}</Tag>,
        },
      ]}
    />
  );
  const followUpTable = (
    <ResponsiveTable<Enrollment & { courseTitle: string }>
      rowKey="id"
      size="small"
      loading={followUps.isLoading}
      dataSource={followUps.data?.items ?? []}
      locale={{ emptyText: t('training.noFollowUps') }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('training.name'), dataIndex: 'name', width: 100 },
        { title: t('training.course'), dataIndex: 'courseTitle' },
        { title: t('training.completedOn'), dataIndex: 'completedOn', width: 110 },
        { title: t('training.followUpDue'), dataIndex: 'followUpDueOn', width: 110 },
        {
          title: t('training.followUp'),
          dataIndex: 'id',
          width: 160,
          render: (id: string) =>
            canManage && (
              <Select<FollowUpOutcome>
                size="small"
                style={{ width: 140 }}
                placeholder={t('training.followUp')}
                aria-label={t('training.followUp')}
                options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`training.outcome.${o}`) }))}
                onChange={(outcome) => follow.mutate({ id, outcome })}
              />
            ),
        },
      ]}
    />
  );

  return (
    <Card
      title={t('nav.training')}
      extra={
        canManage && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-course">
            {t('training.new')}
          </Button>
        )
      }
    >
      {courses.error && <QueryError error={courses.error} onRetry={() => courses.refetch()} />}
      <Tabs
        items={[
          { key: 'courses', label: t('training.tabs.courses'), children: courseTable },
          { key: 'follow-ups', label: t('training.tabs.followUps'), children: followUpTable },
        ]}
      />
      {creating && <CourseFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
