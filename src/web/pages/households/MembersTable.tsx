import { MedicineBoxOutlined } from '@ant-design/icons';
import { Card, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { HouseholdMember } from '../../api/types';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { TagList } from '../../components/TagList';
import { useI18n } from '../../i18n/I18nProvider';
import { useRelationName } from '../../lib/relation-name';
import { mono } from '../persons/PersonsTable';

/** The members, head first as the server orders them; masked identifiers, a health-record marker. */
export function MembersTable({ members }: { members: HouseholdMember[] }) {
  const { t } = useI18n();
  const relationName = useRelationName();
  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: t('persons.name'),
      dataIndex: 'name',
      width: 150,
      render: (name: string, member) => (
        <Space size={4}>
          <Link to={`/persons/${member.id}`} data-testid={`member-link-${member.id}`}>
            {name}
          </Link>
          {member.isHead && <Tag color="blue">{t('household.head')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('persons.relation'),
      dataIndex: 'relation',
      width: 100,
      render: (relation: string) => relationName(relation),
    },
    { title: t('persons.gender'), key: 'gender', width: 60, render: (_, m) => t(`gender.${m.gender}`) },
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
    { title: t('persons.tags'), dataIndex: 'tags', render: (tags: string[]) => <TagList tags={tags} /> },
    {
      title: t('health.title'),
      key: 'health',
      width: 110,
      render: (_, member) =>
        member.hasHealthRecord && (
          <Tooltip title={t('household.healthRecord')}>
            <Tag icon={<MedicineBoxOutlined />} color="green" data-testid="health-marker">
              {t('household.healthRecord')}
            </Tag>
          </Tooltip>
        ),
    },
  ];
  return (
    <Card title={t('household.members')} style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
      <ResponsiveTable<HouseholdMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={false}
        data-testid="members-table"
      />
    </Card>
  );
}
