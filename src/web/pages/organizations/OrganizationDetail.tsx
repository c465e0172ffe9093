import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { organizationQuery } from '../../api/organizations';
import { FullPageSpin } from '../../components/FullPageSpin';
import { NoAccessResult } from '../../components/NoAccessResult';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { OrganizationHeader } from './OrganizationHeader';
import { OrgHistoryCard } from './OrgHistoryCard';
import { OrgMembersCard } from './OrgMembersCard';
import { holdsMembers } from './organization-kinds';
import { WarmGroupHouseholdsCard } from './WarmGroupHouseholdsCard';

/** One organization: what it is and where, its leader, members and history, and the actions. */
export function OrganizationDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const organization = useQuery(organizationQuery(id));
  if (organization.isPending) return <FullPageSpin />;
  if (organization.isError) {
    if (isApiError(organization.error, 404) || isApiError(organization.error, 400)) {
      return <NoAccessResult title={t('org.notFound')} hint={t('org.notFoundHint')} testId="org-not-found" />;
    }
    return <QueryError error={organization.error} onRetry={() => void organization.refetch()} />;
  }
  const canWrite = hasPermissionIn(me, 'org.write', organization.data.regionCode);
  return (
    <div data-testid="organization-detail">
      <OrganizationHeader organization={organization.data} canWrite={canWrite} />
      {holdsMembers(organization.data.kind) && (
        <OrgMembersCard organization={organization.data} canWrite={canWrite} />
      )}
      {organization.data.kind === 'warm_group' && <WarmGroupHouseholdsCard organizationId={id} />}
      <OrgHistoryCard history={organization.data.history} />
    </div>
  );
}
