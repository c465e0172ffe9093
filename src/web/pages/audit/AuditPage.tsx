import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { type AuditFilter, auditQuery, emptyAuditFilter } from '../../api/audit';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** /audit — the audit log of the user's jurisdiction, newest first. */
export function AuditPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const audit = useInfiniteQuery(auditQuery(filter));
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={t('audit.title')}
      extra={<Typography.Text type="secondary">{t('audit.timezoneNote')}</Typography.Text>}
      styles={{ body: { padding: 0 } }}
      data-testid="audit-page"
    >
      <div style={{ padding: 16 }}>
        <AuditFilters onApply={setFilter} />
      </div>
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <>
          <AuditTable entries={entries} loading={audit.isPending} />
          <LoadMore
            count={entries.length}
            hasMore={audit.hasNextPage}
            loading={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
