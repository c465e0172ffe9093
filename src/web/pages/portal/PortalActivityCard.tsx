import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { MyVolunteering } from '../../api/portal-volunteering';
import { portalCancelSignup, portalSignUp } from '../../api/portal-volunteering';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { PortalCard } from './PortalLayout';
import { shortTime } from './portal-time';
import { useVolunteeringChange } from './volunteering-hooks';

type Activity = MyVolunteering['openActivities'][number];
type Service = MyVolunteering['services'][number];

const HOLDING = ['pending', 'confirmed', 'waitlisted'];
/** 2026-06-01 09:00–11:00 */
export const timeRange = (from: string, to: string) =>
  `${shortTime(from)}–${dayjs(to).tz(ZONE).format('HH:mm')}`;

/** One open activity of the resident's teams: its shifts, how full each is, and signing up or off. */
export function PortalActivityCard({ activity, services }: { activity: Activity; services: Service[] }) {
  const { t } = useI18n();
  const signUp = useVolunteeringChange(portalSignUp, (signup) =>
    signup.status === 'waitlisted'
      ? t('pvol.waitlisted')
      : signup.status === 'pending'
        ? t('pvol.pending')
        : t('pvol.signedUp'),
  );
  const cancel = useVolunteeringChange(portalCancelSignup, () => t('pvol.cancelled'));
  return (
    <PortalCard testId="portal-activity">
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="portal-activity-title">
          {activity.title}
        </Typography.Text>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {activity.area}
        </Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px', fontSize: 13 }}>
        {activity.teamName} · {activity.place}
      </Typography.Paragraph>
      {activity.description && (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
          {activity.description}
        </Typography.Paragraph>
      )}
      {activity.shifts.map((shift) => {
        const mine = services.find((s) => s.shiftId === shift.id && HOLDING.includes(s.status));
        const full = shift.confirmed + shift.pending >= shift.needed;
        return (
          <div
            key={shift.id}
            style={{ borderTop: '1px solid #f0f0f0', padding: '10px 0 2px' }}
            data-testid="portal-shift"
          >
            <Flex justify="space-between" align="center" gap={8} wrap>
              <div>
                <Typography.Text strong>{shift.role}</Typography.Text>
                <div style={{ fontSize: 13 }}>{timeRange(shift.startsAt, shift.endsAt)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('pvol.fill', { taken: shift.confirmed + shift.pending, needed: shift.needed })}
                  {shift.waitlisted > 0 && ` · ${t('pvol.waiting', { count: shift.waitlisted })}`}
                </Typography.Text>
              </div>
              {mine ? (
                <Flex vertical align="end" gap={4}>
                  <Tag color={mine.status === 'confirmed' ? 'green' : 'gold'} data-testid="portal-my-status">
                    {t(`vol.signup.${mine.status}`, { position: mine.waitlistPosition ?? '' })}
                  </Tag>
                  <Popconfirm
                    title={t('pvol.cancelConfirm')}
                    description={
                      activity.cancelCutoffHours > 0
                        ? t('pvol.cutoff', { hours: activity.cancelCutoffHours })
                        : undefined
                    }
                    okText={t('pvol.cancel')}
                    cancelText={t('portal.back')}
                    onConfirm={() => cancel.mutate(mine.signupId)}
                  >
                    <Button loading={cancel.isPending} data-testid="portal-cancel">
                      {t('pvol.cancel')}
                    </Button>
                  </Popconfirm>
                </Flex>
              ) : (
                <Button
                  type={full ? 'default' : 'primary'}
                  size="large"
                  loading={signUp.isPending}
                  onClick={() => signUp.mutate({ activityId: activity.id, shiftId: shift.id })}
                  data-testid="portal-sign-up"
                >
                  {full ? t('pvol.joinWaitlist') : t('pvol.signUp')}
                </Button>
              )}
            </Flex>
          </div>
        );
      })}
    </PortalCard>
  );
}
