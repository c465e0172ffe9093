import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type CollectiveSummary,
  collectiveKeys,
  collectivesQuery,
  createCollective,
} from '../../api/collectives';
import { FormModal, useModalForm } from '../../components/FormModal';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { renameFieldPaths } from '../../lib/form-errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /collectives — 村集体经济组织 in scope. */
export function CollectivesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery(collectivesQuery());
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      title={t('nav.collectives')}
      extra={
        hasPermission(me, 'collective.manage') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-collective">
            {t('collectives.new')}
          </Button>
        )
      }
      data-testid="collectives-page"
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ResponsiveTable<CollectiveSummary>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('collectives.empty') }}
            columns={[
              {
                title: t('collectives.name'),
                dataIndex: 'name',
                render: (name: string, c) => (
                  <Link to={`/collectives/${c.id}`} data-testid="collective-link">
                    {name}
                  </Link>
                ),
              },
              { title: t('collectives.region'), dataIndex: 'regionName' },
              {
                title: t('collectives.retention'),
                dataIndex: 'retentionBp',
                render: (bp: number) => bp / 100,
              },
              { title: t('collectives.shareholders'), dataIndex: 'shareholders', align: 'right' },
              { title: t('collectives.totalShares'), dataIndex: 'totalShares', align: 'right' },
            ]}
          />
          <LoadMore
            count={rows.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      {creating && <NewCollectiveModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface Values {
  regionCode: string;
  name: string;
  retention: number;
}

function NewCollectiveModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(['regionCode', 'name', 'retention'], onClose);
  const mutation = useMutation({
    mutationFn: createCollective,
    onSuccess: () => client.invalidateQueries({ queryKey: collectiveKeys.all }),
  });
  const submit = (v: Values) =>
    run(
      mutation,
      { regionCode: v.regionCode, name: v.name, retentionBp: Math.round(v.retention * 100) },
      (created) => {
        void navigate(`/collectives/${created.id}`);
        return t('collectives.saved');
      },
      (error) => renameFieldPaths(error, { retentionBp: 'retention' }),
    );
  return (
    <FormModal<Values>
      title={t('collectives.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ retention: 10 }}
    >
      <Form.Item name="regionCode" label={t('collectives.regionCode')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('collectives.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="retention" label={t('collectives.retention')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
