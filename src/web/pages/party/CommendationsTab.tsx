import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { commendationsQuery } from '../../api/member-workflows';
import type { Commendation } from '../../api/organization-types';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CommendationModal } from './CommendationModal';

/** 表彰: titles given to members and organizations of the jurisdiction. */
export function CommendationsTab({ region }: { region: string }) {
  const { t } = useI18n();
  const me = useMe();
  const commendations = useQuery(commendationsQuery(region));
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<Commendation> = [
    { title: t('commendation.year'), dataIndex: 'year', width: 80 },
    {
      title: t('commendation.titleLabel'),
      dataIndex: 'title',
      render: (title: string) => <Tag color="red">{title}</Tag>,
    },
    {
      title: t('commendation.subject'),
      key: 'subject',
      render: (_, c) => (
        <Link to={c.subjectType === 'member' ? `/members/${c.subjectId}` : `/organizations/${c.subjectId}`}>
          {c.subjectName}
        </Link>
      ),
    },
    {
      title: t('commendation.subjectType'),
      dataIndex: 'subjectType',
      width: 100,
      render: (type: Commendation['subjectType']) => t(`commendation.type.${type}`),
    },
    { title: t('commendation.note'), dataIndex: 'note' },
  ];
  return (
    <>
      {hasPermission(me, 'org.write') && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="commendation-create">
            {t('commendation.create')}
          </Button>
        </Flex>
      )}
      {commendations.isError ? (
        <QueryError error={commendations.error} onRetry={() => void commendations.refetch()} />
      ) : (
        <Table<Commendation>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={commendations.data}
          loading={commendations.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('commendation.empty') }}
          data-testid="commendations-table"
        />
      )}
      {creating && <CommendationModal onClose={() => setCreating(false)} />}
    </>
  );
}
