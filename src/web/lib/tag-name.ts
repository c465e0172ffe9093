import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * English names of the register's tags. The server stores and sends tags by their Chinese name
 * (the set seeded with the register); a tag without an English name here stays Chinese.
 */
export const TAG_NAMES_EN: Record<string, string> = {
  独居老人: 'Elderly, living alone',
  空巢老人: 'Empty-nest elderly',
  低保户: 'Minimum-income',
  特困: 'Extreme hardship',
  残疾人: 'Disability',
  失地农民: 'Landless farmer',
  下岗失业: 'Laid off',
  退役军人: 'Veteran',
  留守儿童: 'Left-behind child',
  重点关爱: 'Priority care',
};

/** A tag's name in the reader's language, where it has one. */
export function useTagName(): (name: string) => string {
  const { language } = useI18n();
  return useCallback((name: string) => (language === 'en' ? (TAG_NAMES_EN[name] ?? name) : name), [language]);
}
