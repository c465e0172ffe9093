import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Row } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { personQuery } from '../../api/persons';
import { FullPageSpin } from '../../components/FullPageSpin';
import { NoAccessResult } from '../../components/NoAccessResult';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CorrectionModal } from './CorrectionModal';
import { HealthCard } from './HealthCard';
import { MovesCard } from './MovesCard';
import { PersonDetails } from './PersonDetails';
import { PersonHeader } from './PersonHeader';
import { SubjectRequestsCard } from './SubjectRequestsCard';

/** /persons/:id — one resident: the register entry, health record and data-subject requests. */
export function PersonPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const me = useMe();
  const person = useQuery(personQuery(id));
  const [correcting, setCorrecting] = useState(false);

  if (person.isPending) return <FullPageSpin />;
  if (person.isError) {
    if (isApiError(person.error, 404) || isApiError(person.error, 400)) {
      return (
        <NoAccessResult
          title={t('person.notFound')}
          hint={t('person.notFoundHint')}
          testId="person-not-found"
        />
      );
    }
    return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  }
  const data = person.data;
  const canWrite = hasPermissionIn(me, 'person.write', data.regionCode);
  const canReveal = hasPermissionIn(me, 'person.reveal', data.regionCode);

  return (
    // Keyed by person: revealed values never carry over to the next person opened.
    <div key={data.id} data-testid="person-page">
      <PersonHeader person={data} canWrite={canWrite} onCorrect={() => setCorrecting(true)} />
      {data.status === 'anonymized' && (
        <Alert type="info" showIcon title={t('person.anonymizedNotice')} style={{ marginTop: 16 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <PersonDetails person={data} canReveal={canReveal} />
          <HealthCard person={data} canReveal={canReveal} canWrite={canWrite} />
        </Col>
        <Col xs={24} xl={8}>
          <SubjectRequestsCard person={data} canExport={canReveal} canAnonymize={canWrite} />
          <MovesCard moves={data.moves} />
        </Col>
      </Row>
      {correcting && <CorrectionModal person={data} onClose={() => setCorrecting(false)} />}
    </div>
  );
}
