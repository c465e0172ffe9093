import { ConfigProvider, Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { Language } from '../i18n/language';
import { brand } from '../theme';

/** Colours for the switch on the dark header and login backdrop. */
const onDark = {
  components: {
    Segmented: {
      trackBg: 'rgba(255,255,255,0.14)',
      itemColor: 'rgba(255,255,255,0.85)',
      itemHoverColor: '#ffffff',
      itemHoverBg: 'rgba(255,255,255,0.12)',
      itemSelectedBg: '#ffffff',
      itemSelectedColor: brand.headerBg,
    },
  },
};

/** 中文 / EN; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <ConfigProvider theme={onDark}>
      <Segmented<Language>
        size="small"
        value={language}
        onChange={setLanguage}
        aria-label={t('language.label')}
        data-testid="language-switch"
        options={[
          { label: t('language.zh'), value: 'zh' },
          { label: t('language.en'), value: 'en' },
        ]}
      />
    </ConfigProvider>
  );
}
