import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Deed, deedSummaryQuery, deedsQuery } from '../../../api/deeds';
import { MemberPicker } from '../../../components/MemberPicker';
import { QueryError } from '../../../components/QueryError';
import { RegionName } from '../../../components/RegionName';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { useI18n } from '../../../i18n/I18nProvider';
import { hasPermission } from '../../../session/permissions';
import { useMe } from '../../../session/useMe';
import { DeedModal } from './DeedModal';

/**
 * /deeds — good deeds (好事实事) of members: the ledger, counted by region and by member. Orders
 * a member resolves are credited here on their own; others are recorded by hand.
 */
export function DeedsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [region, setRegion] = useState('');
  const [member, setMember] = useState('');
  const [creating, setCreating] = useState(false);
  const deeds = useQuery(deedsQuery(region, member));
  const summary = useQuery(deedSummaryQuery(region));
  const total = (summary.data?.byRegion ?? []).reduce((sum, r) => sum + r.deeds, 0);

  const columns: TableColumnsType<Deed> = [
    { title: t('wo.deeds.doneOn'), dataIndex: 'doneOn', width: 110 },
    {
      title: t('wo.deeds.member'),
      dataIndex: 'memberName',
      width: 120,
      render: (name: string, deed) => <Link to={`/members/${deed.memberId}`}>{name}</Link>,
    },
    {
      title: t('wo.deeds.title'),
      dataIndex: 'title',
      render: (title: string, deed) =>
        deed.workOrderId ? <Link to={`/work-orders/${deed.workOrderId}`}>{title}</Link> : title,
    },
    { title: t('wo.deeds.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('wo.place'),
      dataIndex: 'regionCode',
      width: 150,
      render: (code: string) => <RegionName code={code} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="deeds-page">
      <Card
        title={t('nav.deeds')}
        extra={
          hasPermission(me, 'deed.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="deed-new"
            >
              {t('wo.deeds.new')}
            </Button>
          )
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <RegionTreeSelect
            allowClear
            value={region || undefined}
            onChange={(code) => setRegion(code ?? '')}
            placeholder={t('wo.place')}
            style={{ width: 240 }}
          />
          <div style={{ width: 240 }}>
            <MemberPicker value={member || undefined} onChange={(id) => setMember(id ?? '')} />
          </div>
        </Flex>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Statistic title={t('wo.deeds.total')} value={total} loading={summary.isPending} />
          </Col>
          <Col xs={24} md={9}>
            <ScrollRegion label={t('wo.deeds.byRegion')} maxHeight={300}>
              <Table
                size="small"
                rowKey="regionCode"
                title={() => t('wo.deeds.byRegion')}
                pagination={false}
                loading={summary.isPending}
                dataSource={summary.data?.byRegion ?? []}
                columns={[
                  { title: t('wo.place'), dataIndex: 'regionName' },
                  { title: t('wo.deeds.count'), dataIndex: 'deeds', width: 90, align: 'right' },
                ]}
              />
            </ScrollRegion>
          </Col>
          <Col xs={24} md={9}>
            <ScrollRegion label={t('wo.deeds.byMember')} maxHeight={300}>
              <Table
                size="small"
                rowKey="memberId"
                title={() => t('wo.deeds.byMember')}
                pagination={false}
                loading={summary.isPending}
                dataSource={summary.data?.byMember ?? []}
                columns={[
                  { title: t('wo.deeds.member'), dataIndex: 'memberName' },
                  { title: t('wo.deeds.count'), dataIndex: 'deeds', width: 90, align: 'right' },
                ]}
              />
            </ScrollRegion>
          </Col>
        </Row>
      </Card>
      <Card title={t('wo.deeds.ledger')} styles={{ body: { padding: 0 } }}>
        {deeds.isError ? (
          <QueryError error={deeds.error} onRetry={() => void deeds.refetch()} />
        ) : (
          <ResponsiveTable<Deed>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={deeds.data ?? []}
            loading={deeds.isPending}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="deeds-table"
          />
        )}
      </Card>
      {creating && <DeedModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
