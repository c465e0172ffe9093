import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { Navigate } from 'react-router';
import { rootsQuery } from '../../api/regions';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

function NoScope() {
  const { t } = useI18n();
  return <Result status="info" title={t('region.noScope')} subTitle={t('region.noScopeHint')} />;
}

/** Roles whose day starts with how service is going: the cockpit is their home page. */
const COCKPIT_FIRST = new Set(['district_admin', 'secretary', 'auditor']);

/** `/` opens the cockpit for admins, secretaries and auditors, else the user's first region. */
export function HomeRedirect() {
  const me = useMe();
  if (hasPermission(me, 'cockpit.read') && me.roles.some((r) => COCKPIT_FIRST.has(r.role)))
    return <Navigate to="/cockpit" replace />;
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
