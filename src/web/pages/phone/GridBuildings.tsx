import { HomeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { childrenQuery, rootsQuery } from '../../api/regions';
import { useI18n } from '../../i18n/I18nProvider';

/** The buildings of the caller's grid (the first region of their jurisdiction), one tap each. */
export function GridBuildings() {
  const { t } = useI18n();
  const roots = useQuery(rootsQuery);
  const grid = roots.data?.[0];
  const buildings = useQuery({ ...childrenQuery(grid?.code ?? ''), enabled: grid !== undefined });
  return (
    <section>
      <Typography.Title level={5}>
        {grid ? t('phone.buildings.title', { grid: grid.name }) : t('phone.buildings.titleNone')}
      </Typography.Title>
      {roots.isPending || (grid && buildings.isPending) ? (
        <Spin />
      ) : (buildings.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('phone.buildings.empty')} />
      ) : (
        <Flex wrap gap={8} data-testid="phone-buildings">
          {(buildings.data ?? []).map((building) => (
            <Link
              key={building.code}
              to={`/regions/${building.code}`}
              style={{ flex: '1 1 40%', minWidth: 0 }}
            >
              <Card size="small" hoverable styles={{ body: { padding: '8px 12px' } }}>
                <Typography.Text ellipsis>
                  <HomeOutlined /> {building.name}
                </Typography.Text>
              </Card>
            </Link>
          ))}
        </Flex>
      )}
    </section>
  );
}
