import { Space, Tag } from 'antd';
import type { MatchReasons as Reasons, SeekerGroup } from '../../api/jobs';
import { useI18n } from '../../i18n/I18nProvider';

/** Fen as yuan for a person reading it: 450000 → "4,500". */
export const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toLocaleString('zh-CN'));

/** Why a seeker fits a job: skills matched and missing, distance, pay, education, priority. */
export function MatchReasons({ reasons }: { reasons: Reasons }) {
  const { t } = useI18n();
  const km = reasons.distance.meters === null ? null : (reasons.distance.meters / 1000).toFixed(1);
  return (
    <Space size={[4, 4]} wrap data-testid="match-reasons">
      {reasons.skillsMatched.length > 0 && (
        <Tag color="green">{t('jobs.skillsMatched', { skills: reasons.skillsMatched.join('、') })}</Tag>
      )}
      {reasons.skillsMissing.length > 0 && (
        <Tag color="orange">{t('jobs.skillsMissing', { skills: reasons.skillsMissing.join('、') })}</Tag>
      )}
      <Tag>
        {t(`jobs.distance.${reasons.distance.level}`)}
        {km !== null ? ` · ${t('jobs.meters', { km })}` : ''}
      </Tag>
      <Tag color={reasons.salary === 'above_range' ? 'red' : undefined}>
        {t(`jobs.salaryFit.${reasons.salary}`)}
      </Tag>
      <Tag color={reasons.education === 'below' ? 'red' : undefined}>
        {t(`jobs.educationFit.${reasons.education}`)}
      </Tag>
      {reasons.priority && <Tag color="magenta">{t('jobs.priority')}</Tag>}
    </Space>
  );
}

export function GroupTags({ groups }: { groups: readonly SeekerGroup[] }) {
  const { t } = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      {groups.map((g) => (
        <Tag key={g} color={g === 'zero_employment' ? 'magenta' : 'blue'} data-testid={`group-${g}`}>
          {t(`jobs.group.${g}`)}
        </Tag>
      ))}
    </Space>
  );
}
