import { useQuery } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { myRegistrationQuery } from '../../api/member-workflows';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { RegisterForm } from './RegisterForm';
import { RegistrationView } from './RegistrationView';

/** 双报到: the member's registration at the community where they live, or the form to register. */
export function MyRegistrationCard() {
  const { t } = useI18n();
  const registration = useQuery(myRegistrationQuery);
  const current = registration.data;
  return (
    <Card
      title={t('registration.title')}
      size="small"
      style={{ marginTop: 16 }}
      loading={registration.isPending}
      data-testid="my-registration"
    >
      {registration.isError ? (
        <QueryError error={registration.error} onRetry={() => void registration.refetch()} />
      ) : (
        <>
          {current && <RegistrationView registration={current} />}
          {current?.status === 'rejected' && (
            <Alert
              type="warning"
              showIcon
              title={t('registration.rejectedHint')}
              style={{ margin: '12px 0' }}
            />
          )}
          {(!current || current.status === 'rejected') && (
            <>
              {!current && (
                <Alert type="info" showIcon title={t('registration.intro')} style={{ marginBottom: 16 }} />
              )}
              <RegisterForm previous={current ?? null} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
