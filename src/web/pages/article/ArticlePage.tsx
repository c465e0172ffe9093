import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { levelOf } from '../../../shared/region-code';
import { type ArticleRow, articleReportQuery } from '../../api/report';
import { FullPageSpin } from '../../components/FullPageSpin';
import { QueryError } from '../../components/QueryError';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/useMe';

const TOLERANCE = 5;
const number = (value: number) => value.toLocaleString('en');

/** The districts whose figures the user may compare: those where they read the whole district. */
export const articleDistricts = (permissions: Partial<Record<string, string[]>>): string[] =>
  (permissions['region.read'] ?? []).filter((code) => levelOf(code) === 'district');

/**
 * /article — 重现文章: the 2013 article's countable figures row by row next to the platform's own
 * counts for a district, with the difference, so anyone can see the platform holds what the
 * article describes.
 */
export function ArticlePage() {
  const { t, language } = useI18n();
  const me = useMe();
  const districts = articleDistricts(me.permissions);
  const [params, setParams] = useSearchParams();
  const district = districts.find((code) => code === params.get('district')) ?? districts[0] ?? '';
  const report = useQuery({ ...articleReportQuery(district), enabled: district !== '' });

  if (report.isPending) return <FullPageSpin />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const { rows, population } = report.data;
  const isRank = (row: ArticleRow) => row.indicator === 'satisfaction_rank';
  const within = (row: ArticleRow) =>
    row.difference !== null && (isRank(row) ? row.difference === 0 : Math.abs(row.difference) <= TOLERANCE);

  const columns: TableColumnsType<ArticleRow> = [
    {
      title: t('article.indicator'),
      dataIndex: 'name',
      render: (_: string, row) => (
        <Tooltip title={`${t('article.quote')}${t('common.colon')}“${row.quote}”`}>
          <span data-testid={`article-row-${row.indicator}`}>
            {language === 'zh' ? row.name : row.nameEn}
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('article.article'),
      dataIndex: 'article',
      align: 'right',
      width: 160,
      render: (value: number, row) => (isRank(row) ? t('article.rankArticle') : number(value)),
    },
    {
      title: t('article.scaled'),
      dataIndex: 'scaled',
      align: 'right',
      width: 170,
      render: (value: number | null) => (value === null ? '—' : number(value)),
    },
    {
      title: t('article.platform'),
      dataIndex: 'platform',
      align: 'right',
      width: 180,
      render: (value: number | null, row) =>
        value === null ? (
          <Typography.Text type="secondary">{t('article.noData')}</Typography.Text>
        ) : isRank(row) ? (
          (row.of ?? 1) === 1 ? (
            t('article.onlyDistrict')
          ) : (
            t('article.rankOf', { rank: value, of: row.of ?? 1 })
          )
        ) : (
          <span data-testid={`article-platform-${row.indicator}`}>{number(value)}</span>
        ),
    },
    {
      title: t('article.difference'),
      dataIndex: 'difference',
      align: 'right',
      width: 120,
      render: (value: number | null, row) =>
        value === null ? (
          '—'
        ) : (
          <Tag color={within(row) ? 'green' : 'orange'}>
            {isRank(row) ? String(value) : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`}
          </Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('article.title')}
      extra={
        districts.length > 1 && (
          <Select
            value={district}
            onChange={(code) => setParams({ district: code })}
            options={districts.map((code) => ({ value: code, label: <RegionName code={code} /> }))}
            style={{ minWidth: 160 }}
            aria-label={t('article.district')}
          />
        )
      }
      data-testid="article-page"
    >
      <Flex vertical gap="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('article.intro')}
        </Typography.Paragraph>
        <Typography.Text strong>
          {report.data.district.name} ·{' '}
          {t('article.population', {
            persons: number(population.persons),
            households: number(population.households),
            workOrders: number(population.workOrders),
          })}
        </Typography.Text>
        <Table<ArticleRow>
          rowKey="indicator"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="article-table"
        />
        <Typography.Text type="secondary">
          {t('article.within', { within: rows.filter(within).length, total: rows.length })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
