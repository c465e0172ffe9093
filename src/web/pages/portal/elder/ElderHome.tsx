import { EditOutlined, FileTextOutlined, LogoutOutlined, StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { myRequestsQuery, portalLogout, portalMeQuery } from '../../../api/portal';
import { useI18n } from '../../../i18n/I18nProvider';
import { PortalPage } from '../PortalLayout';
import { useResident } from '../session';
import { BigButton } from './BigButton';
import { waitingForRating } from './to-rate';

/**
 * /m in elder mode: the three things a resident comes for, one big button each — report a
 * problem, follow my requests, rate — and nothing else on the screen.
 */
export function ElderHome() {
  const { t } = useI18n();
  const resident = useResident();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const requests = useQuery(myRequestsQuery);
  const toRate = waitingForRating(requests.data?.items ?? []).length;
  const logout = useMutation({
    mutationFn: portalLogout,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalMeQuery.queryKey, null);
      navigate('/m/login', { replace: true });
    },
  });

  return (
    <PortalPage title={t('portal.brand')} testId="elder-home">
      <Typography.Title
        level={2}
        style={{ margin: '8px 4px 20px', fontSize: 28 }}
        data-testid="portal-greeting"
      >
        {t('elder.home.hello', { name: resident.name ?? resident.phone })}
      </Typography.Title>
      <nav aria-label={t('elder.home.tasks')}>
        <BigButton
          to="/m/new"
          primary
          icon={<EditOutlined />}
          word={t('elder.home.report')}
          hint={t('elder.home.reportHint')}
          testId="elder-report"
        />
        <BigButton
          to="/m/mine"
          icon={<FileTextOutlined />}
          word={t('elder.home.mine')}
          hint={t('elder.home.mineHint')}
          testId="elder-mine"
        />
        <BigButton
          to="/m/rate"
          icon={<StarOutlined />}
          word={t('elder.home.rate')}
          hint={toRate > 0 ? t('elder.home.rateCount', { count: toRate }) : t('elder.home.rateHint')}
          testId="elder-rate"
        />
      </nav>
      <Button
        block
        size="large"
        icon={<LogoutOutlined />}
        onClick={() => logout.mutate()}
        style={{ marginTop: 24 }}
        data-testid="portal-logout"
      >
        {t('elder.home.logout')}
      </Button>
    </PortalPage>
  );
}
