import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { categoriesQuery, type ServiceCategory } from '../../../api/service-catalogue';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { useAttributeText } from '../../../lib/attribute-names';
import { CategoryModal, type CategoryTarget } from './CategoryModal';

interface Row extends ServiceCategory {
  children?: Row[];
}

/** The catalogue as a tree: groups with their categories, each in catalogue order. */
function treeOf(all: readonly ServiceCategory[]): Row[] {
  const bySort = (a: ServiceCategory, b: ServiceCategory) => a.sort - b.sort || a.code.localeCompare(b.code);
  const childrenOf = (code: string | null): Row[] =>
    all
      .filter((c) => c.parentCode === code)
      .sort(bySort)
      .map((c) => {
        const children = childrenOf(c.code);
        return children.length > 0 ? { ...c, children } : { ...c };
      });
  return childrenOf(null);
}

/** /admin/categories — the service catalogue (服务目录): what orders can be about and their time limits. */
export function CategoriesPage() {
  const { t } = useI18n();
  const attributeText = useAttributeText();
  const categories = useQuery(categoriesQuery);
  const [target, setTarget] = useState<CategoryTarget | null>(null);
  const rows = useMemo(() => treeOf(categories.data ?? []), [categories.data]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('wo.admin.name'),
      dataIndex: 'name',
      width: 300,
      render: (name: string, row) => (
        <span style={{ display: 'inline-block', verticalAlign: 'top' }}>
          <span style={{ whiteSpace: 'nowrap' }} data-testid={`category-row-${row.code}`}>
            {row.parentCode ? name : <strong>{name}</strong>}
            {!row.active && <Tag style={{ marginInlineStart: 6 }}>{t('wo.admin.inactive')}</Tag>}
          </span>
          {row.nameEn && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.nameEn}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('wo.admin.code'),
      dataIndex: 'code',
      width: 220,
      render: (code: string) => <code>{code}</code>,
    },
    {
      title: t('wo.admin.handlerKind'),
      dataIndex: 'handlerKind',
      width: 90,
      render: (_, row) => (row.parentCode ? t(`kind.${row.handlerKind}`) : ''),
    },
    {
      title: t('wo.admin.signHours'),
      dataIndex: 'signHours',
      width: 100,
      render: (_, row) => (row.parentCode ? t('wo.admin.hoursValue', { hours: row.signHours }) : ''),
    },
    {
      title: t('wo.admin.resolveDays'),
      dataIndex: 'resolveDays',
      width: 110,
      render: (_, row) =>
        row.parentCode
          ? row.resolveDays === 0
            ? t('wo.sameDay')
            : t('wo.resolveDaysShort', { days: row.resolveDays })
          : '',
    },
    {
      title: t('wo.admin.proxy'),
      dataIndex: 'proxy',
      width: 70,
      render: (proxy: boolean) => (proxy ? <Tag color="blue">{t('wo.proxyTag')}</Tag> : ''),
    },
    {
      title: t('wo.admin.attributes'),
      dataIndex: 'attributes',
      render: (_, row) => row.attributes.map((a) => <Tag key={a.code}>{attributeText.label(a)}</Tag>),
    },
    {
      title: t('common.actions'),
      width: 150,
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget({ edit: row })}>
            {t('wo.admin.edit')}
          </Button>
          {!row.parentCode && (
            <Button type="link" size="small" onClick={() => setTarget({ parent: row })}>
              {t('wo.admin.addCategory')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.categories')}
      extra={
        <Button type="primary" onClick={() => setTarget({ parent: null })}>
          {t('wo.admin.newGroup')}
        </Button>
      }
      data-testid="categories-page"
    >
      {categories.isError ? (
        <QueryError error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Table<Row>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={categories.isPending}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          key={rows.length === 0 ? 'empty' : 'loaded'}
        />
      )}
      {target && <CategoryModal target={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}
