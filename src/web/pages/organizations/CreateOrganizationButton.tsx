import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Organization } from '../../api/organization-types';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CreateOrganizationModal } from './CreateOrganizationModal';
import { childKindsOf } from './organization-kinds';

/** 新建下级组织 on an organization, or 新建组织 at the top of the tree (for holders of org.write). */
export function CreateOrganizationButton({
  parent,
  block,
}: {
  parent: Organization | null;
  block?: boolean;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!hasPermission(me, 'org.write') || childKindsOf(parent?.kind ?? null).length === 0) return null;
  return (
    <>
      <Button
        type={parent ? 'primary' : 'dashed'}
        block={block}
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        style={block ? { marginTop: 8 } : undefined}
        data-testid={parent ? 'org-create-child' : 'org-create-root'}
      >
        {parent ? t('org.createChild') : t('org.createRoot')}
      </Button>
      {open && <CreateOrganizationModal parent={parent} onClose={() => setOpen(false)} />}
    </>
  );
}
