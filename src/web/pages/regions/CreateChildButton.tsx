import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { Region } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { RegionNameModal } from './RegionNameModal';
import { childKindOf } from './region-rules';
import { useCreateChild } from './useRegionMutations';

/** "新建网格" on a community or village, "新建楼栋" on a grid; the caller checks region.write. */
export function CreateChildButton({ parent }: { parent: Region }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const mutation = useCreateChild(parent.code);
  const kind = childKindOf(parent.kind);
  if (!kind) return null;
  const label = kind === 'grid' ? t('region.newGrid') : t('region.newBuilding');
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="create-child">
        {label}
      </Button>
      {open && (
        <RegionNameModal
          title={label}
          okText={t('common.create')}
          placeholder={
            kind === 'grid' ? t('region.namePlaceholderGrid') : t('region.namePlaceholderBuilding')
          }
          mutation={mutation}
          toVariables={(name) => ({ kind, name })}
          doneText={(region) => t('region.created', { name: region.name })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
