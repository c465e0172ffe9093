import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { OrganizationDetail, OrganizationMember } from '../../api/organization-types';
import { organizationMembersQuery } from '../../api/organizations';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { mono } from '../persons/PersonsTable';

/** The members of a party organization: category, status, joined, post, leader; non-residents noted. */
export function OrgMembersCard({ organization }: { organization: OrganizationDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const members = useQuery(organizationMembersQuery(organization.id));
  const columns: TableColumnsType<OrganizationMember> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      render: (name: string, member) => (
        <Space size={4} wrap>
          <Link to={`/members/${member.id}`} data-testid={`member-link-${member.id}`}>
            {name}
          </Link>
          {member.isLeader && (
            <Tag color="red" data-testid="leader-tag">
              {t('org.leaderTag')}
            </Tag>
          )}
          {!member.livesInDistrict && (
            <Tooltip title={t('member.outsideHint')}>
              <Tag data-testid="outside-tag">{t('member.outsideTag')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('persons.idNumber'),
      dataIndex: 'idNumber',
      width: 190,
      render: (value: string) => <span style={mono}>{value}</span>,
    },
    {
      title: t('member.category'),
      dataIndex: 'category',
      width: 100,
      render: (_, member) => t(`memberCategory.${member.category}`),
    },
    {
      title: t('member.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, member) => t(`memberStatus.${member.status}`),
    },
    { title: t('member.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    { title: t('member.post'), dataIndex: 'post', width: 120 },
  ];
  const outside = (members.data ?? []).filter((m) => !m.livesInDistrict).length;
  return (
    <Card
      title={t('org.members')}
      style={{ marginTop: 16 }}
      styles={{ body: { padding: members.isError ? undefined : 0 } }}
    >
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <>
          <ResponsiveTable<OrganizationMember>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={members.data}
            loading={members.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.membersEmpty')} />,
            }}
            data-testid="org-members-table"
          />
          {outside > 0 && (
            <div
              style={{ padding: '8px 16px', color: 'rgba(0,0,0,0.55)', fontSize: 12 }}
              data-testid="outside-note"
            >
              {t('member.outsideNote', { count: outside })}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
