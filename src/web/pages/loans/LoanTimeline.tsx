import { Card, Timeline, Typography } from 'antd';
import { auditActionLabel } from '../../../shared/audit-actions';
import type { LoanEvent } from '../../api/loans';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { formatTime } from '../../lib/time';

/** Red for a refusal or a late step, green for what moved the money, grey for the rest. */
function colorOf(action: string): string {
  if (action.endsWith('_reject') || action === 'step_overdue' || action === 'bucket_moved') return 'red';
  if (action === 'disburse' || action === 'repaid' || action === 'closed') return 'green';
  if (action.endsWith('_approve') || action === 'accept') return 'blue';
  return 'gray';
}

/** The application's trail, oldest first: each step with who took it, when and why. */
export function LoanTimeline({ events }: { events: LoanEvent[] }) {
  const { t, language } = useI18n();
  const statusName = (status: string) => {
    const key = `loans.status.${status}`;
    return isMessageKey(key) ? t(key) : status;
  };
  return (
    <Card size="small" title={t('loans.timeline')} data-testid="loan-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: colorOf(e.action),
          children: (
            <div data-testid="loan-event">
              <div>
                <Typography.Text strong>{auditActionLabel(`loan.${e.action}`, language)}</Typography.Text>
                {e.fromStatus !== e.toStatus && (
                  <Typography.Text type="secondary">
                    {' → '}
                    {statusName(e.toStatus)}
                  </Typography.Text>
                )}
              </div>
              {e.reason && <div style={{ overflowWrap: 'anywhere' }}>{e.reason}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[e.actorName, formatTime(e.at)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
