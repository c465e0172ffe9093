import { useQuery } from '@tanstack/react-query';
import { Card, Select } from 'antd';
import { useNavigate } from 'react-router';
import { organizationsInScopeQuery } from '../../api/organizations';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';

/** /funds — choose the organization whose ledger to open (the organizations of one's jurisdiction). */
export function FundsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const organizations = useQuery(organizationsInScopeQuery());
  return (
    <Card title={t('nav.funds')} data-testid="funds-page">
      {organizations.isError ? (
        <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <Select
          showSearch
          optionFilterProp="label"
          loading={organizations.isPending}
          placeholder={t('funds.pickOrganization')}
          aria-label={t('funds.pickOrganization')}
          style={{ width: 420, maxWidth: '100%' }}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(id: string) => void navigate(`/funds/${id}`)}
          data-testid="funds-organization"
        />
      )}
    </Card>
  );
}
