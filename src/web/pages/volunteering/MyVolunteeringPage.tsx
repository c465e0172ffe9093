import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, List, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { download } from '../../api/client';
import {
  cancelOwn,
  checkInWithCode,
  myVolunteeringQuery,
  signUpSelf,
  volunteeringKeys,
} from '../../api/volunteering';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { formatTime } from '../../lib/time';
import { checkInFromLink } from './check-in-link';
import { LinkedCheckIn } from './LinkedCheckIn';

/** 我的志愿服务: hours, services, certificates, open activities, and checking in with the leader's code. */
export function MyVolunteeringPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useQuery(myVolunteeringQuery);
  const [codes, setCodes] = useState<Record<string, string>>({});
  // A scanned check-in QR code opens this page with the activity and code in the address.
  const [search, setSearch] = useSearchParams();
  const linked = checkInFromLink(search);
  const forgetLink = () => setSearch({}, { replace: true });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: async () => {
      message.success(t('vol.saved'));
      await client.invalidateQueries({ queryKey: volunteeringKeys.all });
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  if (mine.error) return <QueryError error={mine.error} onRetry={() => mine.refetch()} />;
  if (!mine.data) return <Card loading />;
  const data = mine.data;
  if (data.volunteers.length === 0)
    return (
      <Card title={t('vol.mine.title')}>
        <Empty description={t('vol.mine.notVolunteer')} />
      </Card>
    );
  const signedUp = (shiftId: string) =>
    data.services.find(
      (s) => s.shiftId === shiftId && ['pending', 'confirmed', 'waitlisted'].includes(s.status),
    );

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      {linked && (
        <LinkedCheckIn
          activityTitle={data.openActivities.find((a) => a.id === linked.activityId)?.title}
          code={linked.code}
          pending={act.isPending}
          onConfirm={(action) =>
            act.mutate(() => checkInWithCode({ ...linked, action }), { onSuccess: forgetLink })
          }
          onDismiss={forgetLink}
        />
      )}
      <Card title={t('vol.mine.title')}>
        <Statistic
          title={t('vol.mine.hours')}
          value={Math.round((data.confirmedMinutes / 60) * 10) / 10}
          suffix="h"
          data-testid="my-hours"
        />
      </Card>
      <Card title={t('vol.mine.open')}>
        <List
          dataSource={data.openActivities}
          renderItem={(a) => {
            const code = codes[a.id] ?? '';
            return (
              <List.Item data-testid="open-activity">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <strong>{a.title}</strong>
                  <span>{`${a.place} · ${formatTime(a.startsAt)}`}</span>
                  {a.shifts.map((s) => {
                    const mineHere = signedUp(s.id);
                    return (
                      <Space key={s.id} wrap>
                        <Tag>{s.role}</Tag>
                        {t('vol.filled', {
                          confirmed: s.confirmed,
                          needed: s.needed,
                          pending: s.pending,
                          waitlisted: s.waitlisted,
                        })}
                        {mineHere ? (
                          <>
                            <Tag color="green">
                              {t(`vol.signup.${mineHere.status}`, {
                                position: mineHere.waitlistPosition ?? '',
                              })}
                            </Tag>
                            <Button
                              size="small"
                              onClick={() => act.mutate(() => cancelOwn(mineHere.signupId))}
                            >
                              {t('vol.action.cancel')}
                            </Button>
                          </>
                        ) : (
                          <Button
                            size="small"
                            data-testid="sign-up"
                            onClick={() => act.mutate(() => signUpSelf({ activityId: a.id, shiftId: s.id }))}
                          >
                            {t('vol.action.signUp')}
                          </Button>
                        )}
                      </Space>
                    );
                  })}
                  <Space.Compact style={{ maxWidth: 320 }}>
                    <Input
                      inputMode="numeric"
                      maxLength={6}
                      value={code}
                      placeholder={t('vol.mine.codePlaceholder')}
                      data-testid="code-input"
                      onChange={(e) => setCodes({ ...codes, [a.id]: e.target.value.trim() })}
                    />
                    <Button
                      data-testid="code-check-in"
                      onClick={() =>
                        act.mutate(() => checkInWithCode({ activityId: a.id, code, action: 'check_in' }))
                      }
                    >
                      {t('vol.action.checkIn')}
                    </Button>
                    <Button
                      data-testid="code-check-out"
                      onClick={() =>
                        act.mutate(() => checkInWithCode({ activityId: a.id, code, action: 'check_out' }))
                      }
                    >
                      {t('vol.action.checkOut')}
                    </Button>
                  </Space.Compact>
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card title={t('vol.mine.services')}>
        <List
          dataSource={data.services}
          renderItem={(s) => (
            <List.Item>
              {`${formatTime(s.startsAt)} ${s.activityTitle} · ${s.role}`}
              {s.minutes !== null && (
                <Tag style={{ marginLeft: 8 }}>{t('vol.minutes', { minutes: s.minutes })}</Tag>
              )}
              {s.confirmed && <Tag color="gold">{t('vol.confirmed')}</Tag>}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('vol.mine.certificates')}>
        <List
          dataSource={data.certificates}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="pdf"
                  size="small"
                  onClick={async () =>
                    saveFile(
                      await download(
                        'GET',
                        `/api/me/volunteering/certificates/${c.id}/pdf`,
                        `${c.serial}.pdf`,
                      ),
                    )
                  }
                >
                  {t('vol.mine.download')}
                </Button>,
              ]}
            >
              {`${c.serial} · ${c.teamName} · ${Math.round((c.minutes / 60) * 10) / 10} h · ${c.issuedOn}`}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
