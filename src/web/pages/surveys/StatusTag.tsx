import { Tag } from 'antd';
import type { SurveySummary } from '../../api/surveys';
import { useI18n } from '../../i18n/I18nProvider';

const COLOR = { draft: undefined, open: 'green', closed: 'blue' } as const;

/** A survey's status in words (设计中 / 进行中 / 已结束). */
export function StatusTag({ status }: { status: SurveySummary['status'] }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`surveys.status.${status}`)}</Tag>;
}
