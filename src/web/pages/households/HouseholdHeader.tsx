import { Breadcrumb, Card, Descriptions, type DescriptionsProps, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { Household } from '../../api/types';
import { TagList } from '../../components/TagList';
import { useI18n } from '../../i18n/I18nProvider';
import { placeOf } from './place';

/** Where the household lives, its head and size, and the tags of its members. */
export function HouseholdHeader({ household }: { household: Household }) {
  const { t } = useI18n();
  const items: DescriptionsProps['items'] = [
    {
      key: 'region',
      label: t('household.place'),
      children: <Link to={`/regions/${household.regionCode}`}>{household.regionName}</Link>,
    },
    ...(household.floor !== null
      ? [{ key: 'floor', label: t('household.floorLabel'), children: household.floor }]
      : []),
    ...(household.address
      ? [{ key: 'address', label: t('household.address'), children: household.address }]
      : []),
    {
      key: 'head',
      label: t('household.head'),
      children: household.headName ?? (
        <Typography.Text type="secondary">{t('household.noHead')}</Typography.Text>
      ),
    },
    {
      key: 'size',
      label: t('household.size'),
      children: t('household.sizeValue', { count: household.size }),
    },
    ...(household.caringMember
      ? [{ key: 'caring', label: t('household.caringMember'), children: household.caringMember }]
      : []),
  ];
  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'persons', title: <Link to="/persons">{t('person.back')}</Link> },
          {
            key: 'region',
            title: <Link to={`/regions/${household.regionCode}`}>{household.regionName}</Link>,
          },
          { title: placeOf(t, household) },
        ]}
      />
      <Space align="center" size={10} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="household-title">
          {household.regionName} {placeOf(t, household)}
        </Typography.Title>
        <TagList tags={household.tags} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }} items={items} />
    </Card>
  );
}
