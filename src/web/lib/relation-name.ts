import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * English names of a resident's relation to the head of household: the register stores the
 * Chinese word of the import template (RELATIONS); anything else stays as written.
 */
export const RELATION_NAMES_EN: Record<string, string> = {
  户主: 'Head',
  配偶: 'Spouse',
  子: 'Son',
  女: 'Daughter',
  父母: 'Parent',
  孙子女: 'Grandchild',
  兄弟姐妹: 'Sibling',
  其他: 'Other',
};

/** A relation's name in the reader's language, where it has one. */
export function useRelationName(): (relation: string) => string {
  const { language } = useI18n();
  return useCallback(
    (relation: string) => (language === 'en' ? (RELATION_NAMES_EN[relation] ?? relation) : relation),
    [language],
  );
}
