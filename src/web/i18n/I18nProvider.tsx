import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import { currentLanguage, type Language, storeLanguage } from './language';
import { loadLanguagePack } from './language-packs';
import { type Translate, translator } from './translate';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);
  // The page says its language, so that a screen reader pronounces it right (issue 17, WCAG 3.1.1).
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      // The switch takes effect once the language's words have arrived (English is a chunk of its own).
      setLanguage: (next) => {
        void loadLanguagePack(next).then(() => {
          storeLanguage(next);
          setLanguageState(next);
        });
      },
      t: translator(language),
    }),
    [language],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
