import { Tag } from 'antd';
import type { ImportJob, ImportStatus } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

const colors: Record<ImportStatus, string> = {
  running: 'processing',
  succeeded: 'success',
  rejected: 'error',
  failed: 'error',
};

/** The job's state; its progress shows on the job itself (the list does not carry it). */
export function ImportStatusTag({ job }: { job: Pick<ImportJob, 'status'> }) {
  const { t } = useI18n();
  return <Tag color={colors[job.status]}>{t(`importStatus.${job.status}`)}</Tag>;
}
