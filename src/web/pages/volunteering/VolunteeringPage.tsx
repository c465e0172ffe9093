import { useQuery } from '@tanstack/react-query';
import { Button, Card, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Activity, Certificate, Team, Volunteer } from '../../../shared/api/volunteering';
import { activitiesQuery, teamsQuery, volunteersQuery } from '../../api/volunteering';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CertificateIssuedModal, IssueCertificateModal } from './IssueCertificateModal';
import { NewActivityModal } from './NewActivityModal';
import { NewVolunteerModal } from './NewVolunteerModal';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** 志愿服务: activities, teams and volunteers in the caller's scope. */
export function VolunteeringPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState<'activity' | 'volunteer' | null>(null);
  const [certifying, setCertifying] = useState<Volunteer | null>(null);
  const [issued, setIssued] = useState<Certificate | null>(null);
  const activities = useQuery(activitiesQuery);
  const teams = useQuery(teamsQuery);
  const volunteers = useQuery(volunteersQuery('', ''));
  const canLead = hasPermission(me, 'activity.lead');
  const canManage = hasPermission(me, 'volunteer.manage');

  const activityTable = (
    <ResponsiveTable<Activity>
      rowKey="id"
      size="small"
      loading={activities.isLoading}
      dataSource={activities.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        {
          title: t('vol.title'),
          dataIndex: 'title',
          render: (title: string, a) => (
            <Link to={`/volunteering/activities/${a.id}`} data-testid="activity-link">
              {title}
            </Link>
          ),
        },
        { title: t('vol.area'), dataIndex: 'area', width: 120, render: (area: string) => <Tag>{area}</Tag> },
        { title: t('vol.team'), dataIndex: 'teamName' },
        { title: t('vol.startsAt'), dataIndex: 'startsAt', width: 170, render: formatTime },
        {
          title: t('vol.signupMode'),
          dataIndex: 'signupMode',
          width: 120,
          render: (m: Activity['signupMode']) => t(`vol.mode.${m}`),
        },
      ]}
    />
  );
  const teamTable = (
    <ResponsiveTable<Team>
      rowKey="id"
      size="small"
      loading={teams.isLoading}
      dataSource={teams.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('vol.team'), dataIndex: 'name' },
        { title: t('vol.teamVolunteers'), dataIndex: 'volunteers', width: 110, align: 'right' },
        { title: t('vol.teamActivities'), dataIndex: 'activities', width: 100, align: 'right' },
        { title: t('vol.hours'), dataIndex: 'confirmedMinutes', width: 140, align: 'right', render: hours },
      ]}
    />
  );
  const volunteerTable = (
    <ResponsiveTable<Volunteer>
      rowKey="id"
      size="small"
      loading={volunteers.isLoading}
      dataSource={volunteers.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('vol.name'), dataIndex: 'name', width: 100 },
        { title: t('vol.team'), dataIndex: 'teamName' },
        { title: t('vol.idNumber'), dataIndex: 'idNumber', width: 190 },
        {
          title: t('vol.skills'),
          dataIndex: 'skills',
          render: (skills: string[]) => skills.map((s) => <Tag key={s}>{s}</Tag>),
        },
        { title: t('vol.hours'), dataIndex: 'confirmedMinutes', width: 130, align: 'right', render: hours },
        { title: t('vol.services'), dataIndex: 'services', width: 90, align: 'right' },
        { title: t('vol.noShows'), dataIndex: 'noShows', width: 90, align: 'right' },
        ...(canManage
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, v: Volunteer) => (
                  <Button size="small" data-testid="issue-certificate" onClick={() => setCertifying(v)}>
                    {t('vol.certificate.issue')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Card
      title={t('nav.volunteering')}
      extra={
        <>
          {canManage && (
            <Button
              onClick={() => setCreating('volunteer')}
              data-testid="new-volunteer"
              style={{ marginRight: 8 }}
            >
              {t('vol.addVolunteer')}
            </Button>
          )}
          {canLead && (
            <Button type="primary" onClick={() => setCreating('activity')} data-testid="new-activity">
              {t('vol.newActivity')}
            </Button>
          )}
        </>
      }
    >
      {activities.error && <QueryError error={activities.error} onRetry={() => activities.refetch()} />}
      <Tabs
        items={[
          { key: 'activities', label: t('vol.tabs.activities'), children: activityTable },
          { key: 'teams', label: t('vol.tabs.teams'), children: teamTable },
          { key: 'volunteers', label: t('vol.tabs.volunteers'), children: volunteerTable },
        ]}
      />
      {creating === 'activity' && (
        <NewActivityModal teams={teams.data?.items ?? []} onClose={() => setCreating(null)} />
      )}
      {creating === 'volunteer' && (
        <NewVolunteerModal teams={teams.data?.items ?? []} onClose={() => setCreating(null)} />
      )}
      {certifying && (
        <IssueCertificateModal
          volunteer={certifying}
          onIssued={setIssued}
          onClose={() => setCertifying(null)}
        />
      )}
      {issued && <CertificateIssuedModal certificate={issued} onClose={() => setIssued(null)} />}
    </Card>
  );
}
