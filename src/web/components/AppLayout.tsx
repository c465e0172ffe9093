import { Flex, Layout, Typography } from 'antd';
import { Outlet } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { RegionTree } from './RegionTree';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 260;
const HEADER_HEIGHT = 56;

/** Header (product, language, user), sider (menu and region tree), and the page. */
export function AppLayout() {
  const { t } = useI18n();
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
        }}
      >
        <Flex align="center" gap={10}>
          <BrandMark />
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }} data-testid="app-name">
            {t('app.name')}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>{t('app.subtitle')}</Typography.Text>
        </Flex>
        <Flex align="center" gap={16}>
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout hasSider>
        {/* The white column runs the full page height; the menu and tree inside it stay in view. */}
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
            {/* The menu and the region tree scroll each on its own: unfolding the tree never
                pushes the menu out of view. The menu gives up room (and scrolls) only when the
                window is too short for both. */}
            <Flex vertical style={{ height: '100%' }}>
              <div style={{ flex: '0 1 auto', overflowY: 'auto', minHeight: 0 }} data-testid="sider-menu">
                <SideMenu />
              </div>
              <div style={{ flex: '1 1 0', overflowY: 'auto', minHeight: 160 }} data-testid="sider-tree">
                <RegionTree />
              </div>
            </Flex>
          </Layout.Sider>
        </div>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
