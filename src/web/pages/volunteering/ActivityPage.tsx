import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Signup } from '../../../shared/api/volunteering';
import {
  activityQuery,
  attendance,
  cancelSignup,
  confirmHours,
  decide,
  signUp,
  volunteeringKeys,
  volunteersQuery,
  walkIn,
} from '../../api/volunteering';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { BulkHoursModal } from './BulkHoursModal';
import { HoursCorrectionModal } from './HoursCorrectionModal';

/**
 * One activity: its shifts, sign-ups and waiting list, check-in, no-shows and hours — confirmed as
 * computed, corrected with a reason, or entered afterwards for volunteers who were not checked in.
 */
export function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery(activityQuery(id));
  const team = detail.data?.activity.teamId ?? '';
  const volunteers = useQuery({ ...volunteersQuery(team, ''), enabled: team !== '' });
  const [shiftId, setShiftId] = useState<string>();
  const [volunteerId, setVolunteerId] = useState<string>();
  const [correcting, setCorrecting] = useState<Signup | null>(null);
  const [entering, setEntering] = useState(false);
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  if (detail.error) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  if (!detail.data) return <Card loading />;
  const { activity, signups } = detail.data;
  const shift = shiftId ?? activity.shifts[0]?.id;
  const ready = signups.filter(
    (s) => s.status === 'confirmed' && !s.confirmed && !s.noShow && s.checkedOutAt,
  );
  const shiftOf = (s: Signup) => activity.shifts.find((shift) => shift.id === s.shiftId);
  /** Hours can be settled once the volunteer came, or the shift began (a forgotten check-in). */
  const settleable = (s: Signup) =>
    s.status === 'confirmed' &&
    !s.confirmed &&
    !s.noShow &&
    (s.checkedInAt !== null || Date.parse(shiftOf(s)?.startsAt ?? '') <= Date.now());

  const statusOf = (s: Signup) =>
    s.status === 'waitlisted'
      ? t('vol.signup.waitlisted', { position: s.waitlistPosition ?? 0 })
      : t(`vol.signup.${s.status}`);
  const buttons = (s: Signup) => {
    const run = (fn: () => Promise<unknown>) => () => act.mutate(fn);
    const open = ['pending', 'confirmed', 'waitlisted'].includes(s.status) && !s.checkedInAt;
    return (
      <Space size={4} wrap>
        {s.status === 'pending' && (
          <Button size="small" onClick={run(() => decide(s.id, 'confirm'))}>
            {t('vol.action.approve')}
          </Button>
        )}
        {s.status === 'pending' && (
          <Button size="small" onClick={run(() => decide(s.id, 'reject'))}>
            {t('vol.action.reject')}
          </Button>
        )}
        {s.status === 'confirmed' && !s.checkedInAt && !s.noShow && (
          <Button size="small" data-testid="check-in" onClick={run(() => attendance(s.id, 'check_in'))}>
            {t('vol.action.checkIn')}
          </Button>
        )}
        {s.checkedInAt && !s.checkedOutAt && (
          <Button size="small" data-testid="check-out" onClick={run(() => attendance(s.id, 'check_out'))}>
            {t('vol.action.checkOut')}
          </Button>
        )}
        {s.status === 'confirmed' && !s.checkedInAt && !s.noShow && (
          <Button size="small" onClick={run(() => attendance(s.id, 'no_show'))}>
            {t('vol.action.noShow')}
          </Button>
        )}
        {settleable(s) && s.checkedOutAt && (
          <Button
            size="small"
            data-testid="confirm-signup-hours"
            onClick={run(async () => {
              await confirmHours(activity.id, [{ signupId: s.id }]);
              message.success(t('vol.hoursConfirmed', { count: 1 }));
            })}
          >
            {t('vol.action.confirmOne')}
          </Button>
        )}
        {settleable(s) && (
          <Button size="small" data-testid="correct-hours" onClick={() => setCorrecting(s)}>
            {t('vol.action.correct')}
          </Button>
        )}
        {open && (
          <Button size="small" danger data-testid="cancel-signup" onClick={run(() => cancelSignup(s.id))}>
            {t('vol.action.cancel')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={<span data-testid="activity-title">{activity.title}</span>}
        extra={
          <Link to={`/volunteering/activities/${activity.id}/check-in`} data-testid="open-check-in">
            <Button type="primary">{t('vol.action.checkInScreen')}</Button>
          </Link>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('vol.team')}>{activity.teamName}</Descriptions.Item>
          <Descriptions.Item label={t('vol.area')}>{activity.area}</Descriptions.Item>
          <Descriptions.Item label={t('vol.place')}>{activity.place}</Descriptions.Item>
          <Descriptions.Item label={t('vol.signupMode')}>
            {t(`vol.mode.${activity.signupMode}`)}
          </Descriptions.Item>
          <Descriptions.Item
            label={t('vol.time')}
          >{`${formatTime(activity.startsAt)} – ${formatTime(activity.endsAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('vol.noShows')}>
            <span data-testid="no-show-count">{t('vol.noShowCount', { count: activity.noShows })}</span>
          </Descriptions.Item>
        </Descriptions>
        {activity.shifts.map((s) => (
          <Typography.Paragraph key={s.id} data-testid="shift-fill">
            <Tag>{s.role}</Tag>
            {`${formatTime(s.startsAt)} – ${formatTime(s.endsAt)} · `}
            {t('vol.filled', {
              confirmed: s.confirmed,
              needed: s.needed,
              pending: s.pending,
              waitlisted: s.waitlisted,
            })}
            {s.skills.map((skill) => (
              <Tag key={skill} color="blue">
                {skill}
              </Tag>
            ))}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card title={t('vol.signups')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 200 }}
            value={shift}
            onChange={setShiftId}
            placeholder={t('vol.pickShift')}
            aria-label={t('vol.pickShift')}
            options={activity.shifts.map((s) => ({
              value: s.id,
              label: `${s.role} ${formatTime(s.startsAt)}`,
            }))}
          />
          <Select
            style={{ width: 200 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={volunteerId}
            onChange={setVolunteerId}
            placeholder={t('vol.pickVolunteer')}
            aria-label={t('vol.pickVolunteer')}
            data-testid="pick-volunteer"
            options={(volunteers.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
          />
          <Button
            data-testid="add-signup"
            disabled={!shift || !volunteerId}
            onClick={() =>
              act.mutate(() => signUp(activity.id, { shiftId: shift!, volunteerId: volunteerId! }))
            }
          >
            {t('vol.action.addSignup')}
          </Button>
          <Button
            disabled={!shift || !volunteerId}
            onClick={() =>
              act.mutate(() => walkIn(activity.id, { shiftId: shift!, volunteerId: volunteerId! }))
            }
          >
            {t('vol.action.addWalkIn')}
          </Button>
          <Button
            type="primary"
            data-testid="confirm-hours"
            disabled={ready.length === 0}
            onClick={() =>
              act.mutate(async () => {
                const done = await confirmHours(
                  activity.id,
                  ready.map((s) => ({ signupId: s.id })),
                );
                message.success(t('vol.hoursConfirmed', { count: done.items.length }));
              })
            }
          >
            {t('vol.action.confirmHours')}
          </Button>
          <Button data-testid="enter-hours" onClick={() => setEntering(true)}>
            {t('vol.action.enterHours')}
          </Button>
        </Space>
        <Table<Signup>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={signups}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('vol.volunteer'), dataIndex: 'volunteerName', width: 100 },
            {
              title: t('vol.signupStatus'),
              key: 'status',
              render: (_, s) => (
                <Space size={4} wrap data-testid="signup-status">
                  <Tag>{statusOf(s)}</Tag>
                  {s.walkIn && <Tag>{t('vol.walkIn')}</Tag>}
                  {s.noShow && <Tag color="red">{t('vol.noShow')}</Tag>}
                  {s.checkedInAt && (
                    <Tag color="green">
                      {t('vol.checkedIn', { time: formatTime(s.checkedInAt).slice(11, 16) })}
                    </Tag>
                  )}
                  {s.checkedOutAt && (
                    <Tag>{t('vol.checkedOut', { time: formatTime(s.checkedOutAt).slice(11, 16) })}</Tag>
                  )}
                  {s.minutes !== null && <Tag>{t('vol.minutes', { minutes: s.minutes })}</Tag>}
                  {s.confirmed && <Tag color="gold">{t('vol.confirmed')}</Tag>}
                </Space>
              ),
            },
            { title: t('common.actions'), key: 'actions', render: (_, s) => buttons(s) },
          ]}
        />
      </Card>
      {correcting && (
        <HoursCorrectionModal
          activityId={activity.id}
          signup={correcting}
          shift={shiftOf(correcting)}
          onClose={() => setCorrecting(null)}
        />
      )}
      {entering && (
        <BulkHoursModal
          activity={activity}
          volunteers={volunteers.data?.items ?? []}
          onClose={() => setEntering(false)}
        />
      )}
    </Space>
  );
}
