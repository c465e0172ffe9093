import { ShopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Space } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { rootOrganizationsQuery } from '../../api/organizations';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CreateOrganizationButton } from './CreateOrganizationButton';
import { OrganizationDetail } from './OrganizationDetail';
import { OrganizationTree } from './OrganizationTree';

/** /organizations[/:id] — the organization tree of the jurisdiction beside the selected organization. */
export function OrganizationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const id = useParams().id;
  const roots = useQuery(rootOrganizationsQuery);
  const first = roots.data?.[0];
  // Opening 组织 shows the first organization at once rather than an empty half page.
  if (!id && first) return <Navigate to={`/organizations/${first.id}`} replace />;

  return (
    <Flex gap={16} align="flex-start" data-testid="organizations-page">
      <Card
        title={t('org.tree')}
        extra={
          <Space size={6}>
            {hasPermission(me, 'member.import') && (
              // The import comes back to the organization it was opened from.
              <Button
                size="small"
                icon={<UploadOutlined />}
                onClick={() => navigate(`/organizations/import${id ? `?org=${encodeURIComponent(id)}` : ''}`)}
                data-testid="open-member-import"
              >
                {t('memberImport.open')}
              </Button>
            )}
            <Button
              size="small"
              icon={<ShopOutlined />}
              onClick={() => navigate('/enterprises')}
              data-testid="open-enterprises"
            >
              {t('enterprise.title')}
            </Button>
          </Space>
        }
        style={{ width: 340, flexShrink: 0 }}
        styles={{ body: { padding: 8, overflowX: 'auto' } }}
      >
        <OrganizationTree roots={roots} selectedId={id} />
        <CreateOrganizationButton parent={null} block />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {id ? (
          <OrganizationDetail key={id} id={id} />
        ) : (
          <Card>
            <Empty description={roots.isPending ? t('common.loading') : t('org.none')} />
          </Card>
        )}
      </div>
    </Flex>
  );
}
