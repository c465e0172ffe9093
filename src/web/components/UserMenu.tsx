import { DownOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { useMe } from '../session/useMe';
import { useSignOut } from '../session/useSignOut';
import { ChangePasswordModal } from './ChangePasswordModal';

/** The signed-in user's name; its menu opens a member's own page, changes the password or logs out. */
export function UserMenu() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  // On a phone a long name (区委组织部管理员) pushed the language switch over the product's name.
  const narrow = Grid.useBreakpoint().sm === false;

  const signOut = useSignOut();

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
          <span
            data-testid="current-user"
            title={me.displayName}
            style={
              narrow
                ? { maxWidth: 72, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }
                : {}
            }
          >
            {me.displayName}
          </span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
