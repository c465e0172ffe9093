import { Breadcrumb, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { RegionDetail } from '../../api/types';
import { KindTag } from '../../components/KindTag';
import { useI18n } from '../../i18n/I18nProvider';
import { RegionEditActions } from './RegionEditActions';
import { isLocal } from './region-rules';

/** Breadcrumb, name, kind and code of a region, with what the user may do to it. */
export function RegionHeader({ region, canWrite }: { region: RegionDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const crumbs = [
    ...region.ancestors.map((a) => ({ key: a.code, title: <Link to={`/regions/${a.code}`}>{a.name}</Link> })),
    { key: region.code, title: region.name },
  ];
  const parent = region.ancestors.at(-1);

  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      {/* At the top of one's jurisdiction there is no path to show. */}
      {region.ancestors.length > 0 && (
        <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} data-testid="region-breadcrumb" />
      )}
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Space align="center" size={10}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="region-name">
              {region.name}
            </Typography.Title>
            <KindTag kind={region.kind} />
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'code',
                label: t('region.code'),
                children: (
                  <Typography.Text copyable code data-testid="region-code">
                    {region.code}
                  </Typography.Text>
                ),
              },
              { key: 'source', label: t('region.source'), children: t(`source.${region.source}`) },
              { key: 'children', label: t('region.childCount'), children: region.childCount },
            ]}
          />
        </div>
        {canWrite && isLocal(region) && (
          <RegionEditActions
            region={region}
            variant="button"
            onDeleted={() => navigate(parent ? `/regions/${parent.code}` : '/', { replace: true })}
          />
        )}
      </Flex>
    </Card>
  );
}
