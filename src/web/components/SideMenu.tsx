import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';

type Item = NonNullable<MenuProps['items']>[number];

/** Regions for everyone; Users and Audit log only for holders of user.read / audit.read. */
export function SideMenu() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: Item[] = [
    {
      key: '/',
      icon: <ApartmentOutlined />,
      label: <span data-testid="menu-regions">{t('nav.regions')}</span>,
    },
  ];
  if (hasPermission(me, 'user.read')) {
    items.push({
      key: '/users',
      icon: <TeamOutlined />,
      label: <span data-testid="menu-users">{t('nav.users')}</span>,
    });
  }
  if (hasPermission(me, 'audit.read')) {
    items.push({
      key: '/audit',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-audit">{t('nav.audit')}</span>,
    });
  }
  const selected = pathname.startsWith('/users') ? '/users' : pathname.startsWith('/audit') ? '/audit' : '/';

  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
      data-testid="side-menu"
    />
  );
}
