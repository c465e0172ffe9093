import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { DraftSender } from '../offline/DraftSender';
import { BrandMark } from './BrandMark';
import { FullPageSpin } from './FullPageSpin';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { OfflineBanner } from './OfflineBanner';
import { PageLoadBoundary } from './PageLoadBoundary';
import { RegionTree } from './RegionTree';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 260;
const HEADER_HEIGHT = 56;

/** The menu and the region tree, each scrolling on its own (in the sider, or the phone's drawer). */
function Navigation() {
  const { t } = useI18n();
  // Unfolding the tree never pushes the menu out of view; the menu gives up room (and scrolls)
  // only when the window is too short for both.
  return (
    <Flex vertical style={{ height: '100%' }}>
      {/* The navigation landmark, so that a screen reader can jump to the menu (issue 17). */}
      <nav
        aria-label={t('nav.mainMenu')}
        style={{ flex: '0 1 auto', overflowY: 'auto', minHeight: 0 }}
        data-testid="sider-menu"
      >
        <SideMenu />
      </nav>
      <div style={{ flex: '1 1 0', overflowY: 'auto', minHeight: 160 }} data-testid="sider-tree">
        <RegionTree />
      </div>
    </Flex>
  );
}

/** The page, loaded on first visit (AppRoutes' lazy pages) under a spinner; a page that cannot load says so. */
function Page() {
  const { pathname } = useLocation();
  return (
    <PageLoadBoundary path={pathname}>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </PageLoadBoundary>
  );
}

/**
 * Header (product, language, user), sider (menu and region tree), and the page. On a phone (below
 * antd's `md`, 768 px) the sider would leave the page a sliver: the menu opens from a button in the
 * header instead, closes when a page is chosen, and the page has the whole width.
 */
export function AppLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: lay out for a wide screen, as before.
  const narrow = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a chosen page closes the menu (the one shown too)
  useEffect(() => setMenuOpen(false), [location.key]);
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          position: 'sticky',
          top: 0,
          zIndex: 10,
          ...(narrow ? { padding: '0 8px' } : {}),
        }}
      >
        <Flex align="center" gap={narrow ? 6 : 10} style={{ minWidth: 0 }}>
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              aria-label={t('nav.openMenu')}
              onClick={() => setMenuOpen(true)}
              data-testid="nav-open"
            />
          )}
          {/* The mark keeps its size; the name gives way (ellipsis) rather than run under the switch. */}
          <span style={{ display: 'flex', flexShrink: 0 }}>
            <BrandMark />
          </span>
          <Typography.Text
            ellipsis
            style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap', minWidth: 0 }}
            data-testid="app-name"
          >
            {t('app.name')}
          </Typography.Text>
          {!narrow && (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>{t('app.subtitle')}</Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={narrow ? 4 : 16}>
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <OfflineBanner />
      <DraftSender />
      {/* The page keeps its place in the tree whether the screen is narrow or wide: crossing
          768 px (a resized window, browser zoom, a full-page screenshot) must not remount it and
          lose what is being typed (a call half taken at the console). */}
      <Layout hasSider={!narrow}>
        {narrow ? (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            size={Math.min(SIDER_WIDTH + 20, window.innerWidth - 40)}
            styles={{ body: { padding: 0 } }}
            title={t('app.name')}
            data-testid="nav-drawer"
          >
            <Navigation />
          </Drawer>
        ) : (
          /* The white column runs the full page height; the menu and tree inside it stay in view. */
          <div style={{ background: '#fff', borderRight: '1px solid #e8ebf0' }}>
            <Layout.Sider
              width={SIDER_WIDTH}
              theme="light"
              style={{
                position: 'sticky',
                top: HEADER_HEIGHT,
                height: `calc(100vh - ${HEADER_HEIGHT}px)`,
                overflow: 'hidden',
              }}
              data-testid="sider"
            >
              <Navigation />
            </Layout.Sider>
          </div>
        )}
        <Layout.Content style={{ padding: narrow ? 10 : 20, minWidth: 0 }}>
          <Page />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
