import { useQuery } from '@tanstack/react-query';
import { Card, Empty } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { commitmentsQuery, registrationsQuery } from '../../api/member-workflows';
import { memberQuery } from '../../api/organizations';
import { FullPageSpin } from '../../components/FullPageSpin';
import { NoAccessResult } from '../../components/NoAccessResult';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CaredHouseholdsCard } from './CaredHouseholdsCard';
import { CommitmentsList } from './CommitmentsList';
import { MemberSummaryCard } from './MemberSummaryCard';
import { RegistrationView } from './RegistrationView';

/** /members/:id — a member: history, registration, commitments, households in their care. */
export function MemberPage() {
  const { t } = useI18n();
  const me = useMe();
  const id = useParams().id ?? '';
  const member = useQuery(memberQuery(id));
  // The server has no per-member filter: the registrations and commitments of the jurisdiction,
  // narrowed here to this member.
  const registrations = useQuery({ ...registrationsQuery('', ''), enabled: member.isSuccess });
  const commitments = useQuery({
    ...commitmentsQuery(member.data?.regionCode ?? '', null),
    enabled: member.isSuccess,
  });
  if (member.isPending) return <FullPageSpin />;
  if (member.isError) {
    if (isApiError(member.error, 404) || isApiError(member.error, 400)) {
      return (
        <NoAccessResult
          title={t('member.notFound')}
          hint={t('member.notFoundHint')}
          testId="member-not-found"
        />
      );
    }
    return <QueryError error={member.error} onRetry={() => void member.refetch()} />;
  }
  const registration = registrations.data?.find((r) => r.memberId === id);
  const own = (commitments.data ?? []).filter((c) => c.memberId === id);
  return (
    <div data-testid="member-page">
      <MemberSummaryCard member={member.data} />
      <CaredHouseholdsCard
        households={member.data.caredHouseholds}
        linked={hasPermission(me, 'person.read')}
      />
      <Card
        title={t('registration.title')}
        size="small"
        style={{ marginTop: 16 }}
        loading={registrations.isPending}
      >
        {registration ? (
          <RegistrationView registration={registration} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registration.none')} />
        )}
      </Card>
      <CommitmentsList commitments={own} loading={commitments.isPending} />
    </div>
  );
}
