import {
  CalendarOutlined,
  CustomerServiceOutlined,
  HeartOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SettingOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Me } from '../../api/types';
import type { Translate } from '../../i18n/translate';
import { hasPermission } from '../../session/permissions';

type Item = NonNullable<MenuProps['items']>[number];

/** The side-menu key of a work-order page, or null for pages that are not ours. */
export function workOrderMenuKey(pathname: string): string | null {
  if (/^\/work-orders(\/|$)/.test(pathname)) return '/work-orders';
  for (const key of ['/console', '/deeds', '/service-categories', '/calendar', '/hotlines']) {
    if (pathname === key || pathname.startsWith(`${key}/`)) return key;
  }
  return null;
}

const ADMIN_KEYS = ['/service-categories', '/calendar', '/hotlines'];

/** The submenus to open for a page: the catalogue's administration when one of its pages is shown. */
export const workOrderOpenKeys = (selectedKey: string): string[] =>
  ADMIN_KEYS.includes(selectedKey) ? ['service-admin'] : [];

/** Where in the side menu a group of our entries goes. */
export type MenuSection = 'orders' | 'deeds' | 'admin';

/**
 * 工单 for whoever may see an order (readers, handlers, and members: an order may be given to
 * them in their own name) and 接听台 for intake,
 * after the residents; 好事实事 (with workorder.read) with the organizations; the catalogue's administration (服务目录,
 * 工作日历, 热线) as a group with the other administration.
 */
export function workOrderMenuItems(me: Me, t: Translate, section: MenuSection): Item[] {
  const label = (key: Parameters<Translate>[0], testId: string) => <span data-testid={testId}>{t(key)}</span>;
  const items: Item[] = [];
  // Orders are given in person only to handlers and to members with an account: an account that
  // is neither and reads none (the supermarket's clerk, an enterprise's contact) has none to see.
  const mayHaveOrders =
    hasPermission(me, 'workorder.read') || hasPermission(me, 'workorder.handle') || me.isMember;
  if (section === 'orders') {
    if (mayHaveOrders) {
      items.push({
        key: '/work-orders',
        icon: <ProfileOutlined />,
        label: label('nav.workOrders', 'menu-work-orders'),
      });
    }
    if (hasPermission(me, 'workorder.intake')) {
      items.push({ key: '/console', icon: <PhoneOutlined />, label: label('nav.console', 'menu-console') });
    }
  }
  if (section === 'deeds' && hasPermission(me, 'workorder.read')) {
    items.push({ key: '/deeds', icon: <HeartOutlined />, label: label('nav.deeds', 'menu-deeds') });
  }
  if (section === 'admin' && hasPermission(me, 'catalogue.manage')) {
    items.push({
      key: 'service-admin',
      icon: <SettingOutlined />,
      label: label('nav.serviceAdmin', 'menu-service-admin'),
      children: [
        {
          key: '/service-categories',
          icon: <TagsOutlined />,
          label: label('nav.categories', 'menu-categories'),
        },
        { key: '/calendar', icon: <CalendarOutlined />, label: label('nav.calendar', 'menu-calendar') },
        {
          key: '/hotlines',
          icon: <CustomerServiceOutlined />,
          label: label('nav.hotlines', 'menu-hotlines'),
        },
      ],
    });
  }
  return items;
}
