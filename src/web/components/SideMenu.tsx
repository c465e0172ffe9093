import { ApartmentOutlined, AuditOutlined, ContactsOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { hasPermission } from '../session/permissions';
import { useMe } from '../session/useMe';

type Item = NonNullable<MenuProps['items']>[number];

/** The menu item a page belongs to: a person, a household and the imports are part of 居民. */
function selectedKey(pathname: string): string {
  if (/^\/(persons|households|imports)(\/|$)/.test(pathname)) return '/persons';
  if (pathname.startsWith('/users')) return '/users';
  if (pathname.startsWith('/audit')) return '/audit';
  return '/';
}

/** Regions for everyone; Residents, Users and Audit log only for holders of person.read / user.read / audit.read. */
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
  if (hasPermission(me, 'person.read')) {
    items.push({
      key: '/persons',
      icon: <ContactsOutlined />,
      label: <span data-testid="menu-persons">{t('nav.persons')}</span>,
    });
  }
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
  const selected = selectedKey(pathname);

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
