import { Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { MemberPage } from '../../api/organization-types';
import { RegionName } from '../../components/RegionName';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { formatDate } from '../../lib/time';

/** Who the member is: organization, category, status, joined, post, and their organization history. */
export function MemberSummaryCard({ member, title }: { member: MemberPage; title?: string }) {
  const { t } = useI18n();
  const reason = (value: string) => {
    const key = `memberHistory.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <Card styles={{ body: { padding: '16px 20px' } }} data-testid="member-summary">
      {title && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {title}
        </Typography.Text>
      )}
      <Space align="center" size={10}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-page-name">
          {member.name}
        </Typography.Title>
        <Tag color={member.category === 'formal' ? 'red' : 'orange'}>
          {t(`memberCategory.${member.category}`)}
        </Tag>
        <Tag>{t(`memberStatus.${member.status}`)}</Tag>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'organization',
            label: t('member.organization'),
            children: <Link to={`/organizations/${member.organizationId}`}>{member.organizationName}</Link>,
          },
          { key: 'region', label: t('member.region'), children: <RegionName code={member.regionCode} /> },
          { key: 'joined', label: t('member.joinedOn'), children: member.joinedOn },
          ...(member.post ? [{ key: 'post', label: t('member.post'), children: member.post }] : []),
        ]}
      />
      {member.history.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
            {t('member.history')}
          </Typography.Text>
          <Timeline
            items={member.history.map((h) => ({
              key: `${h.from}-${h.organization}`,
              content: (
                <span>
                  {h.organization} · {reason(h.reason)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(h.from)} – {h.to ? formatDate(h.to) : t('member.now')}
                  </Typography.Text>
                </span>
              ),
            }))}
            data-testid="member-history"
          />
        </>
      )}
    </Card>
  );
}
