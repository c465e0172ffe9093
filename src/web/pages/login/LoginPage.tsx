import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { login, meQuery } from '../../api/auth';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import type { LoginState } from '../../session/RequireAuth';
import { useSession } from '../../session/SessionProvider';
import { brand } from '../../theme';

interface LoginForm {
  username: string;
  password: string;
}

/** Only paths inside the app are followed after login. */
const safeTarget = (from: string | undefined) =>
  from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { notice, setNotice } = useSession();
  const me = useQuery(meQuery);
  const target = safeTarget((location.state as LoginState | null)?.from);

  const mutation = useMutation({
    mutationFn: ({ username, password }: LoginForm) => login(username, password),
    onSuccess: (user) => {
      setNotice(null);
      queryClient.setQueryData(meQuery.queryKey, user);
      navigate(target, { replace: true });
    },
  });

  if (me.data && !mutation.isPending) return <Navigate to={target} replace />;

  return (
    <Flex
      vertical
      style={{ minHeight: '100%', background: `linear-gradient(160deg, ${brand.headerBg} 0%, #1d4f8f 100%)` }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '16px 24px' }}>
        <Flex align="center" gap={10}>
          <BrandMark />
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.7)' }}>{t('app.subtitle')}</Typography.Text>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width: 380 }} data-testid="login-card">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('login.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
          {notice && !mutation.isError && (
            <Alert
              type="warning"
              showIcon
              title={notice}
              style={{ marginBottom: 16 }}
              data-testid="login-notice"
            />
          )}
          <Form<LoginForm>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => mutation.mutate(values)}
            onValuesChange={() => mutation.isError && mutation.reset()}
            disabled={mutation.isPending}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            {mutation.isError && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(mutation.error, t)}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('login.help')}
          </Typography.Paragraph>
        </Card>
      </Flex>
      <Typography.Text
        style={{ color: 'rgba(255,255,255,0.5)', textAlign: 'center', padding: 16, fontSize: 12 }}
      >
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
