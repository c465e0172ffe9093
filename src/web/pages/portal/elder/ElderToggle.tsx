import { useI18n } from '../../../i18n/I18nProvider';
import { useElderMode } from './elder-mode';

/**
 * The one-tap switch of elder mode in the portal's dark title bar: a real switch for screen
 * readers (role="switch" with aria-checked), 48 px high; on, it says 开 in words as well as in colour.
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
        padding: on ? '0 12px' : '0 8px',
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        flexShrink: 0,
        border: '2px solid #fff',
        borderRadius: 24,
        background: on ? '#fff' : 'transparent',
        color: on ? '#0f2747' : '#fff',
        font: 'inherit',
        fontSize: on ? 18 : 14,
        fontWeight: 600,
        cursor: 'pointer',
        whiteSpace: 'nowrap',
      }}
    >
      {t('elder.toggle.name')}
      {/* Off, the name alone is the invitation (the title bar is narrow); on, it says so in words. */}
      {on && (
        <>
          <span aria-hidden="true">·</span>
          {t('elder.toggle.on')}
        </>
      )}
    </button>
  );
}
