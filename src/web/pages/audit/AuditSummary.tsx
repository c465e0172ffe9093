import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { readableSummary } from './summary-labels';

const mono = { fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' } as const;

/**
 * An entry's summary as labelled values, "名称：…；修改项：…" (whole on hover, and the JSON too). A stated reason (showing personal data in clear,
 * exporting, anonymizing) is what an auditor reads first: it gets a line of its own, unabridged.
 */
export function AuditSummary({ summary }: { summary: Record<string, unknown> }) {
  const { t, language } = useI18n();
  const { reason, field, ...rest } = summary;
  const hasReason = typeof reason === 'string';
  const fieldKey = `revealField.${String(field)}`;
  const shown = hasReason ? rest : summary;
  const json = JSON.stringify(shown);
  const text = readableSummary(shown, language);
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
        <Tooltip
          title={
            <>
              <div>{text}</div>
              <div style={mono}>{json}</div>
            </>
          }
          placement="topLeft"
        >
          <Typography.Text
            type={hasReason ? 'secondary' : undefined}
            style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            data-testid="audit-summary"
          >
            {text}
          </Typography.Text>
        </Tooltip>
      )}
    </>
  );
}
