import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Empty, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Enterprise } from '../../api/organization-types';
import { enterprisesQuery } from '../../api/organizations';
import { QueryError } from '../../components/QueryError';
import { RegionName } from '../../components/RegionName';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { mono } from '../persons/PersonsTable';
import { CreateEnterpriseModal } from './CreateEnterpriseModal';

/** /enterprises — the enterprises of the jurisdiction (non-public enterprise organizations anchor here). */
export function EnterprisesPage() {
  const { t } = useI18n();
  const me = useMe();
  const enterprises = useQuery(enterprisesQuery);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<Enterprise> = [
    { title: t('enterprise.name'), dataIndex: 'name' },
    {
      title: t('enterprise.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      render: (code: string) => <span style={mono}>{code}</span>,
    },
    { title: t('enterprise.address'), dataIndex: 'address' },
    {
      title: t('enterprise.region'),
      dataIndex: 'regionCode',
      width: 160,
      render: (code: string) => <RegionName code={code} link />,
    },
  ];
  return (
    <Card
      title={
        <Breadcrumb
          items={[
            { key: 'org', title: <Link to="/organizations">{t('nav.organizations')}</Link> },
            { key: 'enterprises', title: t('enterprise.title') },
          ]}
        />
      }
      extra={
        hasPermission(me, 'org.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="enterprise-create"
          >
            {t('enterprise.create')}
          </Button>
        )
      }
      styles={{ body: { padding: enterprises.isError ? undefined : 0 } }}
      data-testid="enterprises-page"
    >
      {enterprises.isError ? (
        <QueryError error={enterprises.error} onRetry={() => void enterprises.refetch()} />
      ) : (
        <ResponsiveTable<Enterprise>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={enterprises.data}
          loading={enterprises.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.empty')} />,
          }}
          data-testid="enterprises-table"
        />
      )}
      {creating && <CreateEnterpriseModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
