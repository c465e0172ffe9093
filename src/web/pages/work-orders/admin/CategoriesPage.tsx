import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  catalogueKeys,
  categoriesQuery,
  type ServiceCategory,
  setDistrictCategory,
} from '../../../api/service-catalogue';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { useAttributeText } from '../../../lib/attribute-names';
import { errorMessage } from '../../../lib/errors';
import { useMe } from '../../../session/useMe';
import { CategoryModal, type CategoryTarget } from './CategoryModal';
import { districtName, ownDistricts } from './own-districts';

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

/**
 * /admin/categories — the service catalogue (服务目录): what orders can be about and their time
 * limits. Shared entries are the installation's; a district-wide admin also sees their district's
 * own entries, and can switch a shared one off (or back on) for their district alone.
 */
export function CategoriesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const districts = ownDistricts(useMe());
  const attributeText = useAttributeText();
  const categories = useQuery(categoriesQuery);
  const [target, setTarget] = useState<CategoryTarget | null>(null);
  const rows = useMemo(() => treeOf(categories.data ?? []), [categories.data]);
  const toggle = useMutation({
    mutationFn: ({ district, code, active }: { district: string; code: string; active: boolean }) =>
      setDistrictCategory(district, code, active),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.categories }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });

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
            {row.active &&
              row.districtCode === null &&
              row.districts
                .filter((d) => !d.active)
                .map((d) => (
                  <Tag key={d.districtCode} color="orange" style={{ marginInlineStart: 6 }}>
                    {t('wo.admin.offIn', { district: districtName(districts, d.districtCode) })}
                  </Tag>
                ))}
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
      title: t('wo.district.owner'),
      dataIndex: 'districtCode',
      width: 100,
      render: (code: string | null) =>
        code ? (
          <Tag color="green">{districtName(districts, code)}</Tag>
        ) : (
          <Tag>{t('wo.district.shared')}</Tag>
        ),
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
      width: 220,
      render: (_, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setTarget({ edit: row })}>
            {t('wo.admin.edit')}
          </Button>
          {/* A shared entry is switched off or on per district; a district's own one is edited. */}
          {row.districtCode === null &&
            row.active &&
            districts.map((district) => {
              const on = row.districts.find((d) => d.districtCode === district.code)?.active ?? true;
              return (
                <Button
                  key={district.code}
                  type="link"
                  size="small"
                  danger={on}
                  loading={toggle.isPending && toggle.variables?.code === row.code}
                  onClick={() => toggle.mutate({ district: district.code, code: row.code, active: !on })}
                  data-testid={`category-toggle-${row.code}-${district.code}`}
                >
                  {t(on ? 'wo.admin.switchOffIn' : 'wo.admin.switchOnIn', { district: district.name })}
                </Button>
              );
            })}
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
      {target && <CategoryModal target={target} districts={districts} onClose={() => setTarget(null)} />}
    </Card>
  );
}
