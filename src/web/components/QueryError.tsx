import { Button, Result, Typography } from 'antd';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { errorMessage } from '../lib/errors';

interface Props {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}

/** A failed load, with the server's message, its request id (for the administrator) and a retry. */
export function QueryError({ error, onRetry, fullPage }: Props) {
  const { t } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={
        <>
          {errorMessage(error, t)}
          {requestId && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('common.requestId', { id: requestId })}
            </Typography.Text>
          )}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      style={fullPage ? { marginTop: '10vh' } : undefined}
    />
  );
}
