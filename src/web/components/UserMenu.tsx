import { DownOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { logout, meQuery } from '../api/auth';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { useMe } from '../session/useMe';
import { ChangePasswordModal } from './ChangePasswordModal';

/** The signed-in user's name; its menu opens a member's own page, changes the password or logs out. */
export function UserMenu() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { setNotice } = useSession();
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);

  const signOut = async () => {
    try {
      await logout();
    } finally {
      // Nothing of this session (messages, cached data) may show on the login page or to the next user.
      message.destroy();
      setNotice(t('session.loggedOut'));
      navigate('/login', { replace: true });
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            // 我的 only for an account linked to a party member: the session says so.
            ...(me.isMember
              ? [
                  {
                    key: 'me',
                    icon: <IdcardOutlined />,
                    label: <span data-testid="menu-me">{t('userMenu.me')}</span>,
                  },
                ]
              : []),
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('userMenu.changePassword')}</span>,
            },
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="menu-logout">{t('userMenu.logout')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'me') navigate('/me');
            if (key === 'password') setChangingPassword(true);
            if (key === 'logout') void signOut();
          },
        }}
      >
        <Button type="text" style={{ color: '#fff', paddingInline: 8 }} data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.2)' }} />
          <span className="lx-user-name" data-testid="current-user">
            {me.displayName}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
