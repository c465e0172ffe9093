import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { householdQuery } from '../../api/households';
import { FullPageSpin } from '../../components/FullPageSpin';
import { NoAccessResult } from '../../components/NoAccessResult';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { ContactHistoryCard } from './ContactHistoryCard';
import { HouseholdHeader } from './HouseholdHeader';
import { MembersTable } from './MembersTable';
import { NeighboursCard } from './NeighboursCard';

/** /households/:id — a household: place, members, neighbours and contact history. */
export function HouseholdPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const household = useQuery(householdQuery(id));

  if (household.isPending) return <FullPageSpin />;
  if (household.isError) {
    if (isApiError(household.error, 404) || isApiError(household.error, 400)) {
      return (
        <NoAccessResult
          title={t('household.notFound')}
          hint={t('household.notFoundHint')}
          testId="household-not-found"
        />
      );
    }
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  }
  return (
    <div data-testid="household-page">
      <HouseholdHeader household={household.data} />
      <MembersTable members={household.data.members} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <NeighboursCard key={id} householdId={id} />
        </Col>
        <Col xs={24} xl={10}>
          <ContactHistoryCard household={household.data} />
        </Col>
      </Row>
    </div>
  );
}
