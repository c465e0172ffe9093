import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { buildingsWithoutBranchQuery, enterprisesWithoutOrganizationQuery } from '../../api/coverage';
import { QueryError } from '../../components/QueryError';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';

/** Where organizations are missing: buildings without a corridor branch, enterprises without one. */
export function GapsCards({ code }: { code: string }) {
  const { t } = useI18n();
  const buildings = useQuery(buildingsWithoutBranchQuery(code));
  const enterprises = useQuery(enterprisesWithoutOrganizationQuery(code));
  const empty = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card title={t('coverage.buildingsWithout')} size="small" data-testid="buildings-without-branch">
          {buildings.isError ? (
            <QueryError error={buildings.error} onRetry={() => void buildings.refetch()} />
          ) : (
            <List
              size="small"
              loading={buildings.isPending}
              dataSource={buildings.data ?? []}
              locale={{ emptyText: empty(t('coverage.noBuildingsWithout')) }}
              renderItem={(b) => (
                <List.Item>
                  <Link to={`/regions/${b.code}`}>{b.name}</Link>
                  {b.parentCode && (
                    <Typography.Text type="secondary">
                      <RegionName code={b.parentCode} />
                    </Typography.Text>
                  )}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('coverage.enterprisesWithout')} size="small" data-testid="enterprises-without-org">
          {enterprises.isError ? (
            <QueryError error={enterprises.error} onRetry={() => void enterprises.refetch()} />
          ) : (
            <List
              size="small"
              loading={enterprises.isPending}
              dataSource={enterprises.data ?? []}
              locale={{ emptyText: empty(t('coverage.noEnterprisesWithout')) }}
              renderItem={(e) => (
                <List.Item>
                  <span>{e.name}</span>
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                    {e.creditCode}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
