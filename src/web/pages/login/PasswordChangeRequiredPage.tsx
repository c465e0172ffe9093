import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography } from 'antd';
import { meQuery } from '../../api/auth';
import type { Me } from '../../api/types';
import { BrandMark } from '../../components/BrandMark';
import { ChangePasswordForm, usePasswordChange } from '../../components/ChangePasswordForm';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';
import { useSignOut } from '../../session/useSignOut';
import { brand } from '../../theme';

/**
 * Shown instead of the whole app to a user whose password someone else set (an administrator's
 * initial or reset password): the server refuses everything else until it is changed, so the app
 * offers nothing else either — change it and go on where they were heading, or sign out.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const { form, formError, mutation } = usePasswordChange(() => {
    void message.success(t('password.changed'));
    // The server has cleared the flag; the app behind this page renders from the next `me`.
    queryClient.setQueryData<Me | null>(meQuery.queryKey, (old) =>
      old ? { ...old, passwordChangeRequired: false } : old,
    );
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  });

  return (
    <Flex
      vertical
      style={{ minHeight: '100%', background: `linear-gradient(160deg, ${brand.headerBg} 0%, #1d4f8f 100%)` }}
    >
      <Flex justify="space-between" align="center" gap={8} style={{ padding: '16px 16px' }}>
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <BrandMark />
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
            {t('app.name')}
          </Typography.Text>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 16 }}>
        <Card style={{ width: 420, maxWidth: '100%' }} data-testid="password-change-required">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 8 }}>
            {t('password.requiredTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('password.requiredReason')}</Typography.Paragraph>
          <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>
            {t('password.requiredSignedInAs', { name: me.displayName, username: me.username })}
          </Typography.Paragraph>
          <ChangePasswordForm
            form={form}
            formError={formError}
            onSubmit={(values) => mutation.mutate(values)}
          />
          <Flex vertical gap={8}>
            <Button
              type="primary"
              block
              loading={mutation.isPending}
              onClick={() => form.submit()}
              data-testid="password-change-submit"
            >
              {t('password.requiredSubmit')}
            </Button>
            <Button type="link" block onClick={() => void signOut()} data-testid="password-change-logout">
              {t('userMenu.logout')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Flex>
  );
}
