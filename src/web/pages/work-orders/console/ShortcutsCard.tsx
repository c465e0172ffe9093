import { Card } from 'antd';
import { Fragment } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { SHORTCUTS } from './shortcuts';

const kbd: React.CSSProperties = {
  display: 'inline-block',
  minWidth: 24,
  padding: '0 6px',
  border: '1px solid #8c8c8c',
  borderBottomWidth: 2,
  borderRadius: 4,
  background: '#fafafa',
  fontFamily: 'inherit',
  fontSize: 13,
  lineHeight: '20px',
  textAlign: 'center',
};

/** The console's keys, listed on the page: a whole call can be taken without the mouse. */
export function ShortcutsCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('wo.keys.title')} style={{ marginTop: 16 }} data-testid="console-shortcuts">
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 12px', margin: 0 }}>
        {SHORTCUTS.map((shortcut) => (
          <Fragment key={shortcut.label}>
            <dt style={{ whiteSpace: 'nowrap' }}>
              {shortcut.keys.map((key, i) => (
                <Fragment key={key}>
                  {i > 0 && ' + '}
                  <kbd style={kbd}>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd style={{ margin: 0 }}>{t(shortcut.label)}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
