import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, type DescriptionsProps, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { NamedLink, OrganizationDetail } from '../../api/organization-types';
import { enterprisesQuery } from '../../api/organizations';
import { OrgKindTag } from '../../components/OrgKindTag';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { OrganizationActions } from './OrganizationActions';
import { holdsMembers } from './organization-kinds';

function EnterpriseName({ id }: { id: string }) {
  const enterprises = useQuery(enterprisesQuery);
  return <span>{enterprises.data?.find((e) => e.id === id)?.name ?? id}</span>;
}

/** A name that links where the reader may follow it, and is plain text where they may not. */
function Named({ link, to, testId }: { link: NamedLink; to: string; testId: string }) {
  return link.visible ? (
    <Link to={to} data-testid={testId}>
      {link.name}
    </Link>
  ) : (
    <span data-testid={testId}>{link.name}</span>
  );
}

/** Kind, anchor, parent, leader and size of an organization, with what the user may do to it. */
export function OrganizationHeader({
  organization,
  canWrite,
}: {
  organization: OrganizationDetail;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const none = <Typography.Text type="secondary">{t('org.noValue')}</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    {
      key: 'anchor',
      label: t('org.anchor'),
      children: organization.anchorRegionCode ? (
        <RegionName code={organization.anchorRegionCode} link />
      ) : organization.anchorEnterpriseId ? (
        <EnterpriseName id={organization.anchorEnterpriseId} />
      ) : (
        none
      ),
    },
    {
      key: 'parent',
      label: t('org.parent'),
      children: organization.parent ? (
        <Named
          link={organization.parent}
          to={`/organizations/${organization.parent.id}`}
          testId="org-parent"
        />
      ) : (
        none
      ),
    },
    {
      key: 'leader',
      label: t('org.leader'),
      children: organization.leader ? (
        <Named link={organization.leader} to={`/members/${organization.leader.id}`} testId="org-leader" />
      ) : (
        none
      ),
    },
    ...(holdsMembers(organization.kind)
      ? [{ key: 'members', label: t('org.memberCount'), children: organization.memberCount }]
      : []),
    { key: 'children', label: t('org.childCount'), children: organization.children.length },
  ];
  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Space align="center" size={10}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-name">
            {organization.name}
          </Typography.Title>
          <OrgKindTag kind={organization.kind} />
        </Space>
        {canWrite && <OrganizationActions organization={organization} />}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3, xl: 5 }}
        style={{ marginTop: 12 }}
        items={items}
        data-testid="org-facts"
      />
    </Card>
  );
}
