import {
  DownloadOutlined,
  HeartOutlined,
  LogoutOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { exportMyData, myRequestsQuery, portalLogout, portalMeQuery } from '../../api/portal';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { usePortalCategoryName } from './category-name';
import { ElderModeCard } from './elder/ElderModeCard';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalStageTag } from './PortalStageTag';
import { shortTime } from './portal-time';
import { PortalQueryError, useResident, useSessionEnded } from './session';

/** /m — the resident's own requests, newest first, and the way to report a new one. */
export function MyRequestsPage() {
  const { t } = useI18n();
  const categoryName = usePortalCategoryName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resident = useResident();
  const requests = useQuery(myRequestsQuery);
  const { message } = App.useApp();
  const ended = useSessionEnded();
  const exportData = useMutation({
    mutationFn: exportMyData,
    onSuccess: saveFile,
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });
  const logout = useMutation({
    mutationFn: portalLogout,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: ['portal'] });
      queryClient.setQueryData(portalMeQuery.queryKey, null);
      navigate('/m/login', { replace: true });
    },
  });

  return (
    <PortalPage
      title={t('portal.title')}
      testId="portal-home"
      extra={
        <Flex align="center" gap={4}>
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('portal.logout')}
            onClick={() => logout.mutate()}
            style={{ color: '#fff', width: 44, height: 44 }}
            data-testid="portal-logout"
          />
        </Flex>
      }
    >
      <PortalCard>
        <Typography.Text style={{ fontSize: 18, fontWeight: 600 }} data-testid="portal-greeting">
          {t('portal.home.greeting', { name: resident.name ?? resident.phone })}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 16px' }}>
          {t('portal.home.newHint')}
        </Typography.Paragraph>
        <Button
          type="primary"
          block
          icon={<PlusOutlined />}
          onClick={() => navigate('/m/new')}
          style={{ height: 52, fontSize: 17 }}
          data-testid="portal-new"
        >
          {t('portal.home.new')}
        </Button>
      </PortalCard>

      <ElderModeCard />

      <Link
        to="/m/timebank"
        style={{ display: 'block', color: 'inherit' }}
        data-testid="portal-timebank-entry"
      >
        <PortalCard>
          <Flex justify="space-between" align="center" gap={8}>
            <Flex align="center" gap={12}>
              <HeartOutlined style={{ fontSize: 24, color: '#eb2f96' }} />
              <div>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t('portal.tb.entry')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {t('portal.tb.entryHint')}
                </Typography.Text>
              </div>
            </Flex>
            <RightOutlined style={{ color: '#bbb' }} />
          </Flex>
        </PortalCard>
      </Link>

      <Flex justify="space-between" align="baseline" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('portal.home.mine')}
        </Typography.Text>
        {requests.data && (
          <Typography.Text type="secondary">
            {t('portal.home.count', { count: requests.data.items.length })}
          </Typography.Text>
        )}
      </Flex>
      {requests.isPending && <FullPageSpin />}
      {requests.isError && (
        <PortalQueryError error={requests.error} onRetry={() => void requests.refetch()} />
      )}
      {requests.data?.items.length === 0 && (
        <PortalCard>
          <Empty description={t('portal.home.empty')} />
        </PortalCard>
      )}
      <div data-testid="portal-requests">
        {requests.data?.items.map((request) => (
          <Link
            key={request.id}
            to={`/m/requests/${request.id}`}
            style={{ display: 'block', color: 'inherit' }}
            data-testid={`portal-request-${request.number}`}
          >
            <PortalCard>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
                  {categoryName(request)}
                </Typography.Text>
                <Flex align="center" gap={6}>
                  <PortalStageTag status={request.status} />
                  <RightOutlined style={{ color: '#bbb' }} />
                </Flex>
              </Flex>
              <Typography.Paragraph
                ellipsis={{ rows: 2 }}
                style={{ margin: '8px 0', color: 'rgba(0,0,0,0.75)' }}
              >
                {request.description}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {request.number} · {shortTime(request.createdAt)}
              </Typography.Text>
            </PortalCard>
          </Link>
        ))}
      </div>
      <Flex justify="center" style={{ padding: '8px 0 24px' }}>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={exportData.isPending}
          onClick={() => exportData.mutate()}
          data-testid="portal-export"
        >
          {t('portal.home.export')}
        </Button>
      </Flex>
    </PortalPage>
  );
}
