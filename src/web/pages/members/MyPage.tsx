import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { myMemberQuery } from '../../api/organizations';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CaredHouseholdsCard } from './CaredHouseholdsCard';
import { MemberSummaryCard } from './MemberSummaryCard';
import { MyCommitmentsCard } from './MyCommitmentsCard';
import { MyRegistrationCard } from './MyRegistrationCard';

/** /me — the signed-in member's own page: their households, registration and commitments. */
export function MyPage() {
  const { t } = useI18n();
  const me = useMe();
  // The session says whether the account is a member's: nobody else's page is asked for (a 404).
  const member = useQuery({ ...myMemberQuery, enabled: me.isMember });
  if (me.isMember && member.isPending) return <FullPageSpin />;
  if (member.isError) return <QueryError error={member.error} onRetry={() => void member.refetch()} />;
  if (!member.data) {
    return (
      <Result
        status="info"
        title={t('me.notMember')}
        subTitle={t('me.notMemberHint')}
        data-testid="me-not-member"
      />
    );
  }
  return (
    <div data-testid="my-page">
      <MemberSummaryCard member={member.data} title={t('me.title')} />
      <CaredHouseholdsCard
        households={member.data.caredHouseholds}
        linked={hasPermission(me, 'person.read')}
      />
      <MyRegistrationCard />
      <MyCommitmentsCard memberId={member.data.id} />
    </div>
  );
}
