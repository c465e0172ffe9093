import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaredHousehold } from '../../api/organization-types';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { placeOf } from '../households/place';

/** The households in the member's care (每一个群众都有一名党员关心). */
export function CaredHouseholdsCard({
  households,
  linked,
}: {
  households: CaredHousehold[];
  linked: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('member.caredHouseholds', { count: households.length })}
      size="small"
      style={{ marginTop: 16 }}
    >
      <List
        size="small"
        dataSource={households}
        locale={{
          emptyText: <Typography.Text type="secondary">{t('member.noCared')}</Typography.Text>,
        }}
        renderItem={(h) => (
          <List.Item data-testid={`cared-${h.id}`}>
            <span>
              <RegionName code={h.regionCode} />{' '}
              {linked ? <Link to={`/households/${h.id}`}>{placeOf(t, h)}</Link> : placeOf(t, h)}
            </span>
          </List.Item>
        )}
        data-testid="cared-households"
      />
    </Card>
  );
}
