import { Empty, Table, type TableColumnsType, Typography } from 'antd';
import { auditActionLabel } from '../../../shared/audit-actions';
import type { AuditEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { formatTime } from '../../lib/time';
import { AuditSummary } from './AuditSummary';

const mono = { fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' } as const;
/** A code is cut with an ellipsis (whole on hover), never wrapped in the middle of a word. */
const codeStyle = { ...mono, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const { t, language } = useI18n();
  const labelOf = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      width: 120,
      // A long username is cut with "…" (whole on hover), never broken mid-word.
      ellipsis: { showTitle: false },
      render: (actor: string | null) =>
        actor === null ? (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ) : (
          <span title={actor}>{actor}</span>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (action: string) => (
        <>
          <div>{auditActionLabel(action, language)}</div>
          <Typography.Text type="secondary" style={codeStyle} title={action}>
            {action}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      width: 260,
      ellipsis: true,
      render: (_, entry) =>
        entry.targetType ? (
          <>
            <div>{labelOf(`targetType.${entry.targetType}`, entry.targetType)}</div>
            <Typography.Text type="secondary" style={mono} title={entry.targetId ?? undefined}>
              {entry.targetId}
            </Typography.Text>
          </>
        ) : null,
    },
    {
      title: t('audit.regionCode'),
      dataIndex: 'regionCode',
      width: 140,
      render: (code: string) => <span style={mono}>{code}</span>,
    },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (summary: Record<string, unknown>) => <AuditSummary summary={summary} />,
    },
  ];

  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
      data-testid="audit-table"
    />
  );
}
