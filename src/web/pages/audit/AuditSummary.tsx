import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';

const mono = { fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' } as const;

/**
 * An entry's summary as JSON (whole on hover). A stated reason (showing personal data in clear,
 * exporting, anonymizing) is what an auditor reads first: it gets a line of its own, unabridged.
 */
export function AuditSummary({ summary }: { summary: Record<string, unknown> }) {
  const { t } = useI18n();
  const { reason, field, ...rest } = summary;
  const hasReason = typeof reason === 'string';
  const fieldKey = `revealField.${String(field)}`;
  const json = JSON.stringify(hasReason ? rest : summary);
  return (
    <>
      {hasReason && (
        <div data-testid="audit-reason">
          {typeof field === 'string' && (
            <Typography.Text type="secondary">
              {isMessageKey(fieldKey) ? t(fieldKey) : field} ·{' '}
            </Typography.Text>
          )}
          {t('audit.reason', { reason })}
        </div>
      )}
      {json !== '{}' && (
        <Tooltip title={<span style={mono}>{json}</span>} placement="topLeft">
          <Typography.Text
            type={hasReason ? 'secondary' : undefined}
            style={{ ...mono, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}
          >
            {json}
          </Typography.Text>
        </Tooltip>
      )}
    </>
  );
}
