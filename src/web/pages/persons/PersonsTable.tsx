import { Empty, Space, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { PersonListItem } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { TagList } from '../../components/TagList';
import { useI18n } from '../../i18n/I18nProvider';
import { useRelationName } from '../../lib/relation-name';

export const mono = { fontFamily: 'monospace', whiteSpace: 'nowrap' } as const;

export function PersonsTable({ persons, loading }: { persons: PersonListItem[]; loading: boolean }) {
  const { t } = useI18n();
  const relationName = useRelationName();
  const columns: TableColumnsType<PersonListItem> = [
    {
      title: t('persons.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, person) => (
        <Space size={4}>
          <Link to={`/persons/${person.id}`} data-testid={`person-link-${person.id}`}>
            {name}
          </Link>
          {person.status !== 'active' && <Tag>{t(`personStatus.${person.status}`)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('persons.gender'),
      dataIndex: 'gender',
      // Room for "Gender" / "Female", which broke mid-word at 60 px.
      width: 80,
      render: (_, person) => t(`gender.${person.gender}`),
    },
    { title: t('persons.age'), dataIndex: 'age', width: 60, align: 'right' },
    {
      title: t('persons.idNumber'),
      dataIndex: 'idNumber',
      width: 190,
      render: (value: string) => <span style={mono}>{value}</span>,
    },
    {
      title: t('persons.phone'),
      dataIndex: 'phone',
      width: 120,
      render: (value: string) => <span style={mono}>{value}</span>,
    },
    {
      title: t('persons.relation'),
      dataIndex: 'relation',
      width: 100,
      render: (relation: string) => relationName(relation),
    },
    {
      title: t('persons.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <TagList tags={tags} />,
    },
    {
      // The path from below the reader's level: "1号楼" alone names a building in every grid.
      title: t('persons.region'),
      dataIndex: 'regionPath',
      width: 260,
      ellipsis: { showTitle: false },
      render: (path: string[], person) => {
        const text = path.join(' / ');
        return (
          <Link to={`/regions/${person.regionCode}`} title={text} data-testid="person-region-path">
            {text}
          </Link>
        );
      },
    },
  ];
  return (
    <ResponsiveTable<PersonListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={persons}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('persons.empty')} /> }}
      data-testid="persons-table"
    />
  );
}
