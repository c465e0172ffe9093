import { Tag } from 'antd';
import type { WorkOrderStatus } from '../../../shared/work-orders';
import { useI18n } from '../../i18n/I18nProvider';
import { useTextSize } from './elder/elder-mode';
import { STAGE_COLORS, stageLabel, stageOf } from './portal-stage';

export function PortalStageTag({ status, large }: { status: WorkOrderStatus; large?: boolean }) {
  const { t } = useI18n();
  const size = useTextSize();
  return (
    <Tag
      color={STAGE_COLORS[stageOf(status)]}
      style={large ? { fontSize: size(15), padding: '4px 12px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}
      data-testid="portal-stage"
    >
      {t(stageLabel(status))}
    </Tag>
  );
}
