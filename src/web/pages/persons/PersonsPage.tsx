import { UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { personsQuery } from '../../api/persons';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission, holdsWherever } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { ExportButtons } from './ExportButtons';
import { PersonFilters } from './PersonFilters';
import { PersonsTable } from './PersonsTable';
import { filterOf, type PersonView, paramsOf, viewOf } from './person-filter';

/** /persons — the residents of the user's jurisdiction: one search box, filters, export, import. */
export function PersonsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const filter = filterOf(view);
  // While a new search runs the previous answer stays, dimmed: no flash of "no residents".
  const persons = useInfiniteQuery({ ...personsQuery(filter), placeholderData: keepPreviousData });
  const rows = persons.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (changes: Partial<PersonView>) =>
    setParams(paramsOf({ ...view, ...changes }), { replace: true });
  const canExport = hasPermission(me, 'person.export');

  return (
    <Card
      title={t('persons.title')}
      extra={
        <Space>
          {hasPermission(me, 'person.import') && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => navigate('/imports')}
              data-testid="persons-import"
            >
              {t('persons.import')}
            </Button>
          )}
          {canExport && (
            <ExportButtons filter={filter} canReveal={holdsWherever(me, 'person.reveal', 'person.export')} />
          )}
        </Space>
      }
      styles={{ body: { padding: 0 } }}
      data-testid="persons-page"
    >
      <PersonFilters view={view} onChange={update} />
      {persons.isError ? (
        <QueryError error={persons.error} onRetry={() => void persons.refetch()} />
      ) : (
        <>
          <PersonsTable persons={rows} loading={persons.isPending || persons.isPlaceholderData} />
          <LoadMore
            count={rows.length}
            hasMore={persons.hasNextPage}
            loading={persons.isFetchingNextPage}
            onLoadMore={() => void persons.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
