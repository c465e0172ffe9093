import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { activityQuery, checkInCode } from '../../api/volunteering';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { checkInLink } from './check-in-link';

// The QR library loads with the code screen only, never with the app's first load.
const CheckInQr = lazy(() => import('./CheckInQr').then((m) => ({ default: m.CheckInQr })));

/**
 * The leader's phone (360 px wide): the rotating check-in code as a QR code and in large digits,
 * fetched anew when the server says it changes. Volunteers scan the QR with their phone's camera
 * (it opens their check-in with the code filled in) or type the digits on their own page; a code
 * read off a screenshot later no longer works.
 */
export function CheckInScreen() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const activity = useQuery(activityQuery(id));
  const [now, setNow] = useState(Date.now());
  const code = useQuery({
    queryKey: ['volunteering', 'check-in-code', id],
    queryFn: () => checkInCode(id),
    refetchInterval: (query) =>
      query.state.data ? Math.max(500, Date.parse(query.state.data.refreshAt) - Date.now() + 200) : 5000,
    gcTime: 0,
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (code.error) return <QueryError error={code.error} onRetry={() => code.refetch()} />;
  const seconds = code.data ? Math.max(0, Math.ceil((Date.parse(code.data.refreshAt) - now) / 1000)) : 0;
  return (
    <Card style={{ maxWidth: 360, margin: '0 auto', textAlign: 'center' }} title={t('vol.checkIn.title')}>
      <Typography.Paragraph strong>{activity.data?.activity.title}</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'center', minHeight: 232 }}>
        {code.data && (
          <Suspense fallback={null}>
            <CheckInQr
              value={checkInLink(window.location.origin, id, code.data.code)}
              size={232}
              label={t('vol.checkIn.qrLabel')}
            />
          </Suspense>
        )}
      </div>
      <div
        data-testid="check-in-code"
        style={{ fontSize: 48, letterSpacing: 8, fontFamily: 'monospace', fontWeight: 700, margin: '8px 0' }}
      >
        {code.data?.code ?? '······'}
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('vol.checkIn.scanHint')}</Typography.Paragraph>
      <Typography.Paragraph>{t('vol.checkIn.hint')}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('vol.checkIn.refresh', { seconds })}</Typography.Text>
    </Card>
  );
}
