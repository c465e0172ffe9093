import { Tag } from 'antd';
import type { WorkOrderStatus } from '../../../shared/work-orders';
import { useI18n } from '../../i18n/I18nProvider';
import { STAGE_COLORS, stageLabel, stageOf } from './portal-stage';

export function PortalStageTag({ status, large }: { status: WorkOrderStatus; large?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag
      color={STAGE_COLORS[stageOf(status)]}
      style={large ? { fontSize: 15, padding: '4px 12px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}
      data-testid="portal-stage"
    >
      {t(stageLabel(status))}
    </Tag>
  );
}
