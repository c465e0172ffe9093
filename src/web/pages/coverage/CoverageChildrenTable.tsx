import { Card, Table, type TableColumnsType, Typography } from 'antd';
import type { Coverage } from '../../api/organization-types';
import type { RegionKind } from '../../api/types';
import { FigureProgress } from '../../components/FigureProgress';
import { KindTag } from '../../components/KindTag';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';

type Row = Coverage['children'][number];

/** A figure of a child region, named for a screen reader by the region and the column ("南城社区 入户覆盖率 82%"). */
const percentCell = (title: string) => (percent: number, row: Row) => (
  <FigureProgress
    label={`${row.name} ${title}`}
    percent={percent}
    size="small"
    format={(p) => `${p}%`}
    style={{ margin: 0, minWidth: 120 }}
  />
);

/** The child regions with their figures; a click opens a child's coverage. */
export function CoverageChildrenTable({ rows, onOpen }: { rows: Row[]; onOpen: (code: string) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<Row> = [
    {
      title: t('region.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Typography.Link onClick={() => onOpen(row.code)} data-testid={`coverage-child-${row.code}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('region.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: string) => (isMessageKey(`kind.${kind}`) ? <KindTag kind={kind as RegionKind} /> : kind),
    },
    { title: t('coverage.households'), dataIndex: 'households', width: 90, align: 'right' },
    { title: t('coverage.cared'), dataIndex: 'caredHouseholds', width: 90, align: 'right' },
    {
      title: t('coverage.care'),
      dataIndex: 'carePercent',
      width: 200,
      render: percentCell(t('coverage.care')),
    },
    {
      title: t('coverage.warmGroup'),
      dataIndex: 'warmGroupPercent',
      width: 200,
      render: percentCell(t('coverage.warmGroup')),
    },
  ];
  return (
    <Card title={t('coverage.children')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
      <Table<Row>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="coverage-children"
      />
    </Card>
  );
}
