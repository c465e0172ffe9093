import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RELOCATION_PROGRAMS, RELOCATION_STATUSES } from '../../../shared/api/relocation';
import { type CaseSummary, casesQuery, relocationTotalsQuery } from '../../api/relocation';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { yuan } from '../loans/format';
import { STATUS_COLOURS, squareMetres } from './format';
import { NewCaseModal } from './NewCaseModal';

/** /relocation — 易地搬迁: the totals of one's area and the cases, newest first, a page at a time. */
export function CasesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const program = params.get('program') ?? '';
  const [creating, setCreating] = useState(false);
  const cases = useInfiniteQuery({ ...casesQuery(status, program), placeholderData: keepPreviousData });
  const totals = useQuery(relocationTotalsQuery(''));
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const filter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const sum = totals.data?.region;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="relocation-page">
      {sum && (
        <Card size="small" title={`${t('relocation.totals')} · ${sum.name}`}>
          <Flex gap={24} wrap>
            <Statistic title={t('relocation.householdsRelocated')} value={sum.householdsRelocated} />
            <Statistic title={t('relocation.householdsResettled')} value={sum.householdsResettled} />
            <Statistic title={t('relocation.enterprisesRelocated')} value={sum.enterprisesRelocated} />
            <Statistic title={t('relocation.compensationPaid')} value={yuan(sum.compensationPaidFen)} />
          </Flex>
        </Card>
      )}
      <Card
        title={t('nav.relocation')}
        extra={
          <Space wrap>
            <Link to="/relocation/resettlements" data-testid="resettlements-link">
              {t('relocation.resettlements')}
            </Link>
            {hasPermission(me, 'relocation.write') && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="new-case">
                {t('relocation.new')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<string>
            value={status}
            onChange={(next) => filter('status', next)}
            aria-label={t('relocation.status')}
            style={{ width: 160, maxWidth: '100%' }}
            options={[
              { value: '', label: t('relocation.allStatuses') },
              ...RELOCATION_STATUSES.map((s) => ({ value: s, label: t(`relocation.status.${s}`) })),
            ]}
          />
          <Select<string>
            value={program}
            onChange={(next) => filter('program', next)}
            aria-label={t('relocation.program')}
            style={{ width: 180, maxWidth: '100%' }}
            options={[
              { value: '', label: t('relocation.allPrograms') },
              ...RELOCATION_PROGRAMS.map((p) => ({ value: p, label: t(`relocation.program.${p}`) })),
            ]}
          />
        </Flex>
        {cases.isError ? (
          <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <>
            <ResponsiveTable<CaseSummary>
              rowKey="id"
              size="small"
              loading={cases.isPending || cases.isPlaceholderData}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('relocation.empty') }}
              onRow={() => ({ 'data-testid': 'case-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('relocation.subjectName'),
                  dataIndex: 'subjectName',
                  render: (name: string, c) => (
                    <Link to={`/relocation/${c.id}`} data-testid="case-link">
                      {name}
                    </Link>
                  ),
                },
                {
                  title: t('relocation.program'),
                  dataIndex: 'program',
                  render: (p: CaseSummary['program'], c) =>
                    `${t(`relocation.program.${p}`)} · ${t(`relocation.subject.${c.subject}`)}`,
                },
                {
                  title: t('relocation.houseArea'),
                  dataIndex: 'houseAreaDm2',
                  align: 'right',
                  render: (dm2: number) => squareMetres(dm2),
                },
                {
                  title: t('relocation.compensation'),
                  dataIndex: 'compensationFen',
                  align: 'right',
                  render: (fen: number | null) => (fen === null ? '—' : yuan(fen)),
                },
                {
                  title: t('relocation.status'),
                  dataIndex: 'status',
                  render: (s: CaseSummary['status'], c) => (
                    <Space size={4} wrap>
                      <Tag color={STATUS_COLOURS[s]}>{t(`relocation.status.${s}`)}</Tag>
                      {c.disputes > 0 && (
                        <Tag color="red">
                          {t('relocation.disputeCount')} {c.disputes}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('relocation.resettlement'),
                  dataIndex: 'resettlementName',
                  render: (name: string | null, c) => (name ? `${name} ${c.unit ?? ''}` : '—'),
                },
              ]}
            />
            <LoadMore
              count={rows.length}
              hasMore={cases.hasNextPage}
              loading={cases.isFetchingNextPage}
              onLoadMore={() => void cases.fetchNextPage()}
            />
          </>
        )}
      </Card>
      {creating && <NewCaseModal onClose={() => setCreating(false)} />}
    </Space>
  );
}
