import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { coverageQuery } from '../../api/coverage';
import { regionQuery, rootsQuery } from '../../api/regions';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { CoverageCards } from './CoverageCards';
import { CoverageChildrenTable } from './CoverageChildrenTable';
import { GapsCards } from './GapsCards';
import { UncoveredCard } from './UncoveredCard';

/** /coverage?region= — how far care, warm groups and organizations reach in a region. */
export function CoveragePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const roots = useQuery(rootsQuery);
  const code = params.get('region') ?? roots.data?.[0]?.code ?? '';
  const region = useQuery({ ...regionQuery(code), enabled: Boolean(code) });
  const coverage = useQuery({ ...coverageQuery(code), enabled: Boolean(code) });
  const open = (next: string) => setParams({ region: next });
  const rootCodes = new Set((roots.data ?? []).map((r) => r.code));
  // The path from the top of the jurisdiction: the ancestors the user may open.
  const ancestors = (region.data?.ancestors ?? []).filter((a) =>
    [...rootCodes].some((root) => a.code.startsWith(root)),
  );

  return (
    <div data-testid="coverage-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <div>
            {ancestors.length > 0 && (
              <Breadcrumb
                style={{ marginBottom: 8 }}
                items={[
                  ...ancestors.map((a) => ({
                    key: a.code,
                    title: (
                      <Typography.Link onClick={() => open(a.code)} data-testid={`coverage-crumb-${a.code}`}>
                        {a.name}
                      </Typography.Link>
                    ),
                  })),
                  { key: code, title: region.data?.name },
                ]}
              />
            )}
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="coverage-title">
              {t('coverage.title', { name: coverage.data?.name ?? region.data?.name ?? '' })}
            </Typography.Title>
          </div>
          <RegionTreeSelect
            value={code || undefined}
            onChange={(next) => next && open(next)}
            placeholder={t('coverage.pickRegion')}
            style={{ width: 240 }}
            testId="coverage-region"
          />
        </Flex>
      </Card>
      {roots.isPending || (code && coverage.isPending) ? (
        <FullPageSpin />
      ) : coverage.isError ? (
        <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : coverage.data ? (
        <>
          <CoverageCards coverage={coverage.data} />
          {coverage.data.children.length > 0 && (
            <CoverageChildrenTable rows={coverage.data.children} onOpen={open} />
          )}
          <UncoveredCard
            key={code}
            code={code}
            uncoveredCount={coverage.data.households - coverage.data.caredHouseholds}
          />
          <GapsCards key={`gaps-${code}`} code={code} />
        </>
      ) : null}
    </div>
  );
}
