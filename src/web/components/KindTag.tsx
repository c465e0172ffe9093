import { Tag } from 'antd';
import type { RegionKind } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const colors: Record<RegionKind, string> = {
  district: 'red',
  street: 'volcano',
  town: 'orange',
  community: 'blue',
  village: 'green',
  grid: 'cyan',
  building: 'purple',
};

export function KindTag({ kind }: { kind: RegionKind }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[kind]} variant="outlined" data-testid="kind-tag">
      {t(`kind.${kind}`)}
    </Tag>
  );
}
