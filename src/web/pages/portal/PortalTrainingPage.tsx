import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  portalEnroll,
  portalTrainingCertificate,
  portalTrainingCheckIn,
  portalTrainingKeys,
  portalTrainingQuery,
} from '../../api/training';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { ZONE } from '../../lib/time';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalQueryError, useSessionEnded } from './session';

/**
 * /m/training — a resident's training: the open courses of their district (enroll with one tap),
 * checking in to a class with the code on the trainer's phone, their courses and certificates.
 */
export function PortalTrainingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const ended = useSessionEnded();
  const mine = useQuery(portalTrainingQuery);
  const [code, setCode] = useState('');
  const change = useMutation({
    mutationFn: (run: () => Promise<string | null>) => run(),
    onSuccess: async (done) => {
      if (done) void message.success(done);
      await client.invalidateQueries({ queryKey: portalTrainingKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });

  let body: React.ReactNode;
  if (mine.isPending) body = <FullPageSpin />;
  else if (mine.isError) body = <PortalQueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  else {
    const enrolledIn = new Set(
      mine.data.enrollments.filter((e) => e.status !== 'cancelled').map((e) => e.courseId),
    );
    const offer = mine.data.courses.filter((c) => !enrolledIn.has(c.id));
    body = (
      <>
        <PortalCard title={t('ptrain.checkIn')} testId="portal-training-check-in">
          <label htmlFor="portal-training-code">{t('ptrain.code')}</label>
          <Input
            id="portal-training-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            style={{ margin: '4px 0 12px', fontSize: 22, letterSpacing: 6, fontFamily: 'monospace' }}
            data-testid="portal-training-code"
          />
          <Button
            type="primary"
            size="large"
            block
            disabled={!/^\d{6}$/.test(code)}
            loading={change.isPending}
            data-testid="portal-training-check-in-submit"
            onClick={() =>
              change.mutate(async () => {
                const r = await portalTrainingCheckIn(code);
                setCode('');
                return t('ptrain.checkedIn', { course: r.courseTitle });
              })
            }
          >
            {t('ptrain.checkInSubmit')}
          </Button>
        </PortalCard>
        <PortalCard title={t('ptrain.mine')} testId="portal-training-mine">
          {mine.data.enrollments.length === 0 ? (
            <Empty description={t('ptrain.noMine')} />
          ) : (
            mine.data.enrollments.map((e) => (
              <Flex
                key={e.id}
                vertical
                gap={4}
                data-testid="portal-training-enrollment"
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{e.courseTitle}</Typography.Text>
                  <Tag data-testid="portal-training-status">
                    {e.status === 'waitlisted'
                      ? t('training.enrollment.waitlisted', { n: e.waitlistPosition ?? 0 })
                      : t(`training.enrollment.${e.status}`)}
                  </Tag>
                </Flex>
                {e.counted > 0 && (
                  <Typography.Text type="secondary">
                    {t('ptrain.attendance', { attended: e.attended, counted: e.counted })}
                  </Typography.Text>
                )}
                {e.certificateSerial && (
                  <Button
                    data-testid="portal-training-certificate"
                    onClick={() =>
                      change.mutate(async () => {
                        saveFile(await portalTrainingCertificate(e.id, e.certificateSerial!));
                        return null;
                      })
                    }
                  >
                    {t('ptrain.certificate')}
                  </Button>
                )}
              </Flex>
            ))
          )}
        </PortalCard>
        <PortalCard title={t('ptrain.open')} testId="portal-training-open">
          {offer.length === 0 ? (
            <Empty description={t('ptrain.none')} />
          ) : (
            offer.map((c) => (
              <Flex
                key={c.id}
                vertical
                gap={4}
                data-testid="portal-training-course"
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <Typography.Text strong>{c.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {c.place}
                  {c.firstSessionAt &&
                    ` · ${t('ptrain.firstSession')} ${dayjs(c.firstSessionAt).tz(ZONE).format('MM-DD HH:mm')}`}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('ptrain.places', { n: Math.max(0, c.capacity - c.enrolled) })}
                </Typography.Text>
                <Button
                  type="primary"
                  data-testid="portal-training-enroll"
                  loading={change.isPending}
                  onClick={() =>
                    change.mutate(async () => {
                      const e = await portalEnroll(c.id);
                      return e.status === 'waitlisted' ? t('ptrain.waitlisted') : t('ptrain.enrolled');
                    })
                  }
                >
                  {t('ptrain.enroll')}
                </Button>
              </Flex>
            ))
          )}
        </PortalCard>
      </>
    );
  }
  return (
    <PortalPage title={t('ptrain.title')} testId="portal-training-page">
      {body}
    </PortalPage>
  );
}
