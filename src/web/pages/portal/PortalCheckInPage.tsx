import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { portalCodeCheckIn, portalVolunteeringQuery } from '../../api/portal-volunteering';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';
import { checkInFromLink } from '../volunteering/check-in-link';
import { LinkedCheckIn } from '../volunteering/LinkedCheckIn';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalQueryError } from './session';
import { useVolunteeringChange } from './volunteering-hooks';

type Action = 'check_in' | 'check_out';

/**
 * /m/volunteering/check-in — checking in or out with the code on the leader's phone. Opened from
 * the leader's QR code (through /check-in) it carries the activity and the code and only asks the
 * resident to confirm; opened from the portal, the resident picks the activity and types the code.
 */
export function PortalCheckInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const linked = checkInFromLink(search);
  const mine = useQuery(portalVolunteeringQuery);
  const [typed, setTyped] = useState({ activityId: '', code: '' });
  const checkIn = useVolunteeringChange(
    (input: { activityId: string; code: string; action: Action }) => portalCodeCheckIn(input),
    (signup) =>
      signup.checkedOutAt
        ? t('pvol.checkedOut', { minutes: signup.minutes ?? 0 })
        : t('pvol.checkedIn', { time: dayjs(signup.checkedInAt).tz(ZONE).format('HH:mm') }),
  );
  const confirm = (input: { activityId: string; code: string }, action: Action) =>
    checkIn.mutate({ ...input, action }, { onSuccess: () => navigate('/m/volunteering', { replace: true }) });

  let body: ReactNode;
  if (mine.isPending) body = <FullPageSpin />;
  else if (mine.isError) body = <PortalQueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  else if (mine.data.volunteers.length === 0)
    body = (
      <PortalCard testId="portal-not-volunteer">
        <Empty description={t('pvol.notVolunteer')} />
      </PortalCard>
    );
  else if (linked)
    body = (
      <LinkedCheckIn
        activityTitle={mine.data.openActivities.find((a) => a.id === linked.activityId)?.title}
        code={linked.code}
        pending={checkIn.isPending}
        onConfirm={(action) => confirm(linked, action)}
      />
    );
  else {
    // Where one may check in: the activities one holds a confirmed place on.
    const placed = new Set(
      mine.data.services.filter((s) => s.status === 'confirmed').map((s) => s.activityId),
    );
    const choices = mine.data.openActivities.filter((a) => placed.has(a.id));
    const activityId = typed.activityId || (choices.length === 1 ? choices[0]!.id : '');
    const ready = activityId !== '' && /^\d{6}$/.test(typed.code);
    body = (
      <PortalCard testId="portal-code-form">
        <Typography.Paragraph type="secondary">{t('pvol.checkin.scanHint')}</Typography.Paragraph>
        <label htmlFor="portal-check-in-activity">{t('pvol.checkin.activity')}</label>
        <Select
          id="portal-check-in-activity"
          value={activityId || undefined}
          placeholder={t('pvol.checkin.pickActivity')}
          notFoundContent={t('pvol.checkin.noActivity')}
          options={choices.map((a) => ({ value: a.id, label: a.title }))}
          onChange={(value: string) => setTyped({ ...typed, activityId: value })}
          style={{ width: '100%', margin: '4px 0 12px' }}
          size="large"
          data-testid="portal-check-in-activity"
        />
        <label htmlFor="portal-check-in-code">{t('pvol.checkin.code')}</label>
        <Input
          id="portal-check-in-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          size="large"
          value={typed.code}
          placeholder={t('vol.mine.codePlaceholder')}
          onChange={(event) => setTyped({ ...typed, code: event.target.value.replace(/\D/g, '') })}
          style={{ margin: '4px 0 16px', fontSize: 22, letterSpacing: 6, fontFamily: 'monospace' }}
          data-testid="portal-check-in-code"
        />
        <Flex gap={8}>
          <Button
            type="primary"
            size="large"
            disabled={!ready}
            loading={checkIn.isPending}
            onClick={() => confirm({ activityId, code: typed.code }, 'check_in')}
            style={{ flex: 1 }}
            data-testid="portal-check-in-submit"
          >
            {t('vol.link.checkIn')}
          </Button>
          <Button
            size="large"
            disabled={!ready || checkIn.isPending}
            onClick={() => confirm({ activityId, code: typed.code }, 'check_out')}
            style={{ flex: 1 }}
            data-testid="portal-check-out-submit"
          >
            {t('vol.link.checkOut')}
          </Button>
        </Flex>
      </PortalCard>
    );
  }
  return (
    <PortalPage title={t('pvol.checkin.title')} back="/m/volunteering" testId="portal-check-in-page">
      {body}
    </PortalPage>
  );
}
