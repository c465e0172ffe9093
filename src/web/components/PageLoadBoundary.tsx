import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

function PageLoadFailed() {
  const { t } = useI18n();
  const offline = !navigator.onLine;
  return (
    <Result
      status="warning"
      title={t(offline ? 'phone.pageNotKeptOffline' : 'phone.pageLoadFailed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()} data-testid="page-load-retry">
          {t('phone.pageLoadRetry')}
        </Button>
      }
      data-testid="page-load-failed"
    />
  );
}

interface State {
  failed: boolean;
}

/**
 * Catches a page whose script could not load (a lazy page opened offline that the phone did not
 * keep, or a release that replaced it) and says so, instead of leaving an empty screen. Moving to
 * another page (a new `path`) tries again.
 */
export class PageLoadBoundary extends Component<{ path: string; children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { path: string }) {
    if (this.state.failed && previous.path !== this.props.path) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
