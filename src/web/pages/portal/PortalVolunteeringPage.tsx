import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { portalCertificatePdf, portalVolunteeringQuery } from '../../api/portal-volunteering';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { PortalActivityCard, timeRange } from './PortalActivityCard';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalQueryError, useSessionEnded } from './session';

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** A figure with its label, large enough to read at arm's length (antd's Statistic, without its weight). */
function Figure({
  label,
  value,
  unit,
  testId,
}: {
  label: string;
  value: number;
  unit: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }}>
        {value}
        <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 4 }}>{unit}</span>
      </div>
    </div>
  );
}

/**
 * /m/volunteering — a resident volunteer's own page: hours served, open activities of their teams
 * to sign up for (or join the waiting list of), check-in with the leader's code, their services
 * and their certificates. A resident who is no volunteer is told how to become one.
 */
export function PortalVolunteeringPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const ended = useSessionEnded();
  const mine = useQuery(portalVolunteeringQuery);
  const pdf = useMutation({
    mutationFn: ({ id, serial }: { id: string; serial: string }) => portalCertificatePdf(id, serial),
    onSuccess: saveFile,
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });

  let body: ReactNode;
  if (mine.isPending) body = <FullPageSpin />;
  else if (mine.isError) body = <PortalQueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  else if (mine.data.volunteers.length === 0)
    body = (
      <PortalCard testId="portal-not-volunteer">
        <Empty description={t('pvol.notVolunteer')} />
      </PortalCard>
    );
  else {
    const data = mine.data;
    const served = data.services.filter((s) => s.confirmed).length;
    body = (
      <>
        <PortalCard>
          <Flex justify="space-between" align="center" gap={12}>
            <Figure
              label={t('pvol.hours')}
              value={hoursOf(data.confirmedMinutes)}
              unit={t('pvol.hoursUnit')}
              testId="portal-hours"
            />
            <Figure label={t('pvol.served')} value={served} unit={t('pvol.timesUnit')} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 12px', fontSize: 13 }}>
            {data.volunteers.map((v) => v.teamName).join('、')}
          </Typography.Paragraph>
          <Button
            type="primary"
            block
            icon={<QrcodeOutlined />}
            onClick={() => navigate('/m/volunteering/check-in')}
            style={{ height: 48, fontSize: 16 }}
            data-testid="portal-check-in"
          >
            {t('pvol.checkIn')}
          </Button>
        </PortalCard>

        <Typography.Title level={5} style={{ margin: '4px 4px 8px' }}>
          {t('pvol.open')}
        </Typography.Title>
        {data.openActivities.length === 0 && (
          <PortalCard>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pvol.noOpen')} />
          </PortalCard>
        )}
        {data.openActivities.map((activity) => (
          <PortalActivityCard key={activity.id} activity={activity} services={data.services} />
        ))}

        <PortalCard title={t('pvol.history')} testId="portal-services">
          {data.services.length === 0 && (
            <Typography.Text type="secondary">{t('pvol.noHistory')}</Typography.Text>
          )}
          {data.services.map((s) => (
            <div key={s.signupId} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text ellipsis>
                  {s.activityTitle} · {s.role}
                </Typography.Text>
                {s.confirmed ? (
                  <Tag color="green">{t('pvol.minutes', { minutes: s.minutes ?? 0 })}</Tag>
                ) : (
                  <Tag>
                    {s.noShow
                      ? t('vol.noShow')
                      : t(`vol.signup.${s.status}`, { position: s.waitlistPosition ?? '' })}
                  </Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {timeRange(s.startsAt, s.endsAt)}
              </Typography.Text>
            </div>
          ))}
        </PortalCard>

        <PortalCard title={t('pvol.certificates')} testId="portal-certificates">
          {data.certificates.length === 0 && (
            <Typography.Text type="secondary">{t('pvol.noCertificates')}</Typography.Text>
          )}
          {data.certificates.map((c) => (
            <Flex key={c.id} justify="space-between" align="center" gap={8} style={{ padding: '8px 0' }}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  {t('pvol.certificateHours', { hours: hoursOf(c.minutes) })}
                </Typography.Text>
                <div style={{ fontSize: 13 }}>{c.teamName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.serial} · {c.issuedOn}
                </Typography.Text>
              </div>
              <Button
                icon={<DownloadOutlined />}
                loading={pdf.isPending && pdf.variables?.id === c.id}
                onClick={() => pdf.mutate({ id: c.id, serial: c.serial })}
                data-testid="portal-certificate-pdf"
              >
                {t('pvol.download')}
              </Button>
            </Flex>
          ))}
        </PortalCard>
      </>
    );
  }
  return (
    <PortalPage title={t('pvol.title')} testId="portal-volunteering">
      {body}
    </PortalPage>
  );
}
