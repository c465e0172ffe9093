import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, type InputRef, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { maskPhone, validateMobilePhone } from '../../../shared/validators/phone';
import { portalLogin, portalMeQuery, requestCode } from '../../api/portal';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { brand } from '../../theme';
import { ElderToggle } from './elder/ElderToggle';
import type { PortalLoginState } from './session';

interface LoginForm {
  phone: string;
  code: string;
}

/** Only portal pages are followed after signing in. */
const safeTarget = (from: string | undefined) =>
  from?.startsWith('/m') && !from.startsWith('/m/login') ? from : '/m';

/** /m/login — phone number, a code by SMS (resend after a countdown), sign in. */
export function PortalLoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginForm>();
  const me = useQuery(portalMeQuery);
  const state = location.state as PortalLoginState | null;
  const target = safeTarget(state?.from);
  const [countdown, setCountdown] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const codeInput = useRef<InputRef>(null);

  useEffect(() => {
    if (countdown <= 0) return;
    const timer = setTimeout(() => setCountdown((left) => left - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown]);

  const send = useMutation({
    mutationFn: (phone: string) => requestCode(phone),
    onSuccess: (answer, phone) => {
      setSentTo(maskPhone(phone));
      setCountdown(answer.resendAfterSeconds);
      codeInput.current?.focus();
    },
  });

  const login = useMutation({
    mutationFn: ({ phone, code }: LoginForm) => portalLogin(phone, code),
    onSuccess: (resident) => {
      queryClient.setQueryData(portalMeQuery.queryKey, resident);
      navigate(target, { replace: true });
    },
  });

  if (me.data && !login.isPending) return <Navigate to={target} replace />;

  const normalizedPhone = (): string | null => {
    const checked = validateMobilePhone(form.getFieldValue('phone') ?? '');
    return checked.ok ? checked.value : null;
  };

  const sendCode = async () => {
    login.reset();
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    const phone = normalizedPhone();
    if (phone) send.mutate(phone);
  };

  const failure = login.error ?? send.error;

  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <div
        style={{
          background: `linear-gradient(160deg, ${brand.headerBg} 0%, #1d4f8f 100%)`,
          padding: '16px 20px 48px',
          color: '#fff',
        }}
      >
        <Flex justify="space-between" align="center">
          <Flex align="center" gap={10}>
            <BrandMark size={32} />
            <Typography.Text style={{ color: '#fff', fontSize: 20, fontWeight: 600 }}>
              {t('app.name')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={8}>
            <ElderToggle />
            <LanguageSwitch />
          </Flex>
        </Flex>
        <Typography.Title level={2} style={{ color: '#fff', margin: '28px 0 4px' }}>
          {t('portal.brand')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 15 }}>
          {t('portal.tagline')}
        </Typography.Text>
      </div>
      <div
        style={{ background: '#fff', borderRadius: 12, margin: '-28px 12px 12px', padding: '20px 16px' }}
        data-testid="portal-login"
      >
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('portal.login.title')}
        </Typography.Title>
        {state?.ended && !failure && (
          <Alert type="warning" showIcon title={t('portal.login.ended')} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(values) => {
            const phone = normalizedPhone();
            if (phone) login.mutate({ phone, code: values.code.trim() });
          }}
          onValuesChange={() => {
            if (login.isError) login.reset();
          }}
          disabled={login.isPending}
        >
          <Form.Item
            name="phone"
            label={t('portal.login.phone')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  validateMobilePhone(value ?? '').ok
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('portal.login.phoneInvalid'))),
              },
            ]}
          >
            <Input
              prefix={<MobileOutlined />}
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t('portal.login.phonePlaceholder')}
              data-testid="portal-phone"
            />
          </Form.Item>
          {/* The label names the code's own input (the item wraps the input and its button). */}
          <Form.Item label={t('portal.login.code')} htmlFor="portal-code-input" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="code"
                noStyle
                rules={[{ pattern: /^\s*\d{6}\s*$/, required: true, message: t('portal.login.codeInvalid') }]}
              >
                <Input
                  ref={codeInput}
                  id="portal-code-input"
                  prefix={<LockOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  placeholder={t('portal.login.codePlaceholder')}
                  data-testid="portal-code"
                />
              </Form.Item>
              <Button
                onClick={() => void sendCode()}
                disabled={countdown > 0}
                loading={send.isPending}
                style={{ minWidth: 128 }}
                data-testid="portal-send-code"
              >
                {countdown > 0
                  ? t('portal.login.resendIn', { seconds: countdown })
                  : sentTo
                    ? t('portal.login.resend')
                    : t('portal.login.sendCode')}
              </Button>
            </Space.Compact>
          </Form.Item>
          {sentTo && !failure && (
            <Alert
              type="success"
              showIcon
              title={t('portal.login.codeSent', { phone: sentTo })}
              style={{ marginBottom: 16 }}
              data-testid="portal-code-sent"
            />
          )}
          {failure && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(failure, t)}
              style={{ marginBottom: 16 }}
              data-testid="portal-login-error"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={login.isPending}
            style={{ height: 48, fontSize: 17 }}
            data-testid="portal-login-submit"
          >
            {t('portal.login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('portal.login.hint')}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
