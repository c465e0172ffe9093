import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { Region } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { RegionNameModal } from './RegionNameModal';
import { useDeleteRegion, useRenameRegion } from './useRegionMutations';

interface Props {
  region: Region;
  /** Compact text links in table rows, buttons in the page header. */
  variant: 'link' | 'button';
  onDeleted?: (region: Region) => void;
}

/** Rename and delete of a locally created grid or building; the caller checks that they apply. */
export function RegionEditActions({ region, variant, onDeleted }: Props) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const rename = useRenameRegion(region.code);
  const remove = useDeleteRegion(onDeleted);
  const buttonType = variant === 'link' ? 'link' : 'default';
  const size = variant === 'link' ? 'small' : 'middle';

  return (
    <Space size={variant === 'link' ? 0 : 8}>
      <Button
        type={buttonType}
        size={size}
        icon={<EditOutlined />}
        onClick={() => setRenaming(true)}
        data-testid={`rename-${region.code}`}
      >
        {t('common.rename')}
      </Button>
      <Popconfirm
        title={t('region.deleteConfirm', { name: region.name })}
        description={t('region.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => remove.mutateAsync(region).catch(() => undefined)}
      >
        <Button
          type={buttonType}
          size={size}
          danger
          icon={<DeleteOutlined />}
          loading={remove.isPending}
          data-testid={`delete-${region.code}`}
        >
          {t('common.delete')}
        </Button>
      </Popconfirm>
      {renaming && (
        <RegionNameModal
          title={t('region.renameTitle', { name: region.name })}
          okText={t('common.save')}
          initialName={region.name}
          mutation={rename}
          toVariables={(name) => name}
          doneText={(renamed) => t('region.renamed', { name: renamed.name })}
          onClose={() => setRenaming(false)}
        />
      )}
    </Space>
  );
}
