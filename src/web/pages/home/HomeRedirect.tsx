import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { Navigate } from 'react-router';
import { rootsQuery } from '../../api/regions';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { landingOf } from './landing';

function NoScope() {
  const { t } = useI18n();
  return <Result status="info" title={t('region.noScope')} subTitle={t('region.noScopeHint')} />;
}

/** `/` opens where the user's work is (see landing.ts), else the first region of their jurisdiction. */
export function HomeRedirect() {
  const me = useMe();
  // Below antd's `md` breakpoint, as the layout's drawer.
  const target = landingOf(me, window.matchMedia('(max-width: 767.98px)').matches);
  if (target) return <Navigate to={target} replace />;
  return <RegionsRedirect />;
}

/** `/regions` opens the first region of the user's jurisdiction. */
export function RegionsRedirect() {
  const me = useMe();
  const canRead = hasPermission(me, 'region.read');
  const roots = useQuery({ ...rootsQuery, enabled: canRead });
  if (!canRead) return <NoScope />;
  if (roots.isPending) return <FullPageSpin />;
  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  const first = roots.data[0];
  return first ? <Navigate to={`/regions/${first.code}`} replace /> : <NoScope />;
}
