import { useI18n } from '../../../i18n/I18nProvider';
import { useElderMode } from './elder-mode';

/**
 * The one-tap switch of elder mode in the portal's dark title bar: a real switch for screen
 * readers (role="switch", 长辈模式 开/关), 48 px high, its state in words as well as in colour.
 */
export function ElderToggle() {
  const { t } = useI18n();
  const { on, set } = useElderMode();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={() => set(!on)}
      data-testid="elder-toggle"
      style={{
        minHeight: 48,
        minWidth: 48,
        padding: '0 10px',
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        flexShrink: 0,
        border: '2px solid #fff',
        borderRadius: 24,
        background: on ? '#fff' : 'transparent',
        color: on ? '#0f2747' : '#fff',
        font: 'inherit',
        fontSize: on ? 18 : 15,
        fontWeight: 600,
        cursor: 'pointer',
        whiteSpace: 'nowrap',
      }}
    >
      {t('elder.toggle.name')}
      <span aria-hidden="true">·</span>
      {on ? t('elder.toggle.on') : t('elder.toggle.off')}
    </button>
  );
}
