import {
  FileTextOutlined,
  FormOutlined,
  HeartOutlined,
  ReadOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';

/** The portal's sections, in the bottom bar of its top-level screens (one line per section). */
const SECTIONS: { to: string; label: MessageKey; icon: ReactNode; end?: boolean }[] = [
  { to: '/m', label: 'portal.nav.requests', icon: <FileTextOutlined />, end: true },
  { to: '/m/volunteering', label: 'portal.nav.volunteering', icon: <HeartOutlined /> },
  { to: '/m/timebank', label: 'portal.nav.timebank', icon: <WalletOutlined /> },
  { to: '/m/training', label: 'ptrain.nav', icon: <ReadOutlined /> },
  { to: '/m/surveys', label: 'psurvey.nav', icon: <FormOutlined /> },
];

/** A phone's tab bar: large targets, icon and word, the current section in the brand colour. */
export function PortalNav() {
  const { t } = useI18n();
  return (
    <nav
      aria-label={t('portal.nav.label')}
      data-testid="portal-nav"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        display: 'flex',
        background: '#fff',
        borderTop: '1px solid #e3e7ee',
      }}
    >
      {SECTIONS.map((section) => (
        <NavLink
          key={section.to}
          to={section.to}
          end={section.end ?? false}
          data-testid={`portal-nav-${section.to.split('/').at(-1)}`}
          style={({ isActive }) => ({
            flex: 1,
            minHeight: 56,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 2,
            fontSize: 12,
            color: isActive ? '#1d5fb8' : 'rgba(0,0,0,0.6)',
            fontWeight: isActive ? 600 : 400,
          })}
        >
          <span style={{ fontSize: 20, lineHeight: 1 }}>{section.icon}</span>
          {t(section.label)}
        </NavLink>
      ))}
    </nav>
  );
}
