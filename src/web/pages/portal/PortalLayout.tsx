import { LeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { useI18n } from '../../i18n/I18nProvider';
import { brand } from '../../theme';
import { ElderToggle } from './elder/ElderToggle';
import { ElderModeProvider, useElderMode } from './elder/elder-mode';
import { PortalNav } from './PortalNav';

/** The portal's frame: a phone-width column, centred on larger screens. No staff menu. */
export function PortalShell({ children }: { children: ReactNode }) {
  return (
    <ElderModeProvider>
      <PortalFrame>{children}</PortalFrame>
    </ElderModeProvider>
  );
}

/** The column itself; in elder mode it carries .portal-elder (elder.css) and a data attribute tests read. */
function PortalFrame({ children }: { children: ReactNode }) {
  const { on } = useElderMode();
  return (
    <div
      className={on ? 'portal-elder' : undefined}
      data-elder-mode={on ? 'on' : 'off'}
      style={{ minHeight: '100%', background: '#eef1f5' }}
    >
      <div
        style={{
          maxWidth: 520,
          minHeight: '100vh',
          margin: '0 auto',
          background: '#f5f6f8',
          display: 'flex',
          flexDirection: 'column',
        }}
      >
        {children}
      </div>
    </div>
  );
}

interface PageProps {
  title: string;
  /** Where the back arrow goes; without it the brand mark stands at the left. */
  back?: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One portal screen: a sticky bar (back or brand, title, actions) over the content. */
export function PortalPage({ title, back, extra, children, testId }: PageProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const elder = useElderMode().on;
  return (
    <>
      <Flex
        align="center"
        gap={8}
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          minHeight: elder ? 64 : 52,
          padding: elder ? '4px 8px' : '0 12px',
          background: brand.headerBg,
        }}
      >
        {back ? (
          <Button
            type="text"
            icon={<LeftOutlined />}
            aria-label={t('portal.back')}
            onClick={() => navigate(back)}
            style={{ color: '#fff', width: 48, height: 48, fontSize: elder ? 24 : undefined }}
            data-testid="portal-back"
          />
        ) : (
          <span style={{ display: 'inline-flex', padding: '0 4px' }}>
            <BrandMark size={26} />
          </span>
        )}
        <Typography.Text
          ellipsis
          style={{ flex: 1, color: '#fff', fontSize: elder ? 22 : 17, fontWeight: 600 }}
          data-testid="portal-title"
        >
          {title}
        </Typography.Text>
        <ElderToggle />
        {extra}
      </Flex>
      <div style={{ flex: 1, padding: 12 }} data-testid={testId}>
        {children}
      </div>
      {/* A top-level screen (no back arrow) carries the sections' tab bar; elder mode keeps to its
          three tasks on the home screen instead. */}
      {!back && !elder && <PortalNav />}
    </>
  );
}

/** A white block of a portal screen, edge to edge on a phone. */
export function PortalCard({
  title,
  children,
  extra,
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  extra?: ReactNode;
  testId?: string;
}) {
  const elder = useElderMode().on;
  return (
    <section
      style={{ background: '#fff', borderRadius: 8, padding: 16, marginBottom: 12 }}
      data-testid={testId}
    >
      {(title || extra) && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text strong style={{ fontSize: elder ? 22 : 16 }}>
            {title}
          </Typography.Text>
          {extra}
        </Flex>
      )}
      {children}
    </section>
  );
}
