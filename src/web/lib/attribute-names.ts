import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * English names of the catalogue's built-in questions (category attributes) and their answers.
 * The catalogue stores them in Chinese only; a question an administrator added, or an answer
 * without an entry here, stays Chinese.
 */
export const ATTRIBUTE_NAMES_EN: Record<string, { label: string; values?: Record<string, string> }> = {
  document_kind: {
    label: 'Document type',
    values: {
      id_card: 'Resident ID card',
      residence: 'Household register',
      social_security: 'Social security card',
      disability: 'Disability certificate',
    },
  },
  care_need: {
    label: 'Care needed',
    values: {
      meals: 'Meal delivery',
      cleaning: 'Cleaning',
      medical: 'Escort to the doctor',
      company: 'Company',
    },
  },
  wanted_job: { label: 'Wanted job' },
};

interface Attribute {
  code: string;
  description: string;
  values?: { key: string; name: string }[];
}

export interface AttributeText {
  /** The question's label. */
  label: (attribute: Attribute) => string;
  /** An answer's name for a list value's key. */
  valueName: (attribute: Attribute, key: unknown) => string;
  /** The separator between several answers. */
  separator: string;
}

/** A category's questions and answers in the reader's language, where it has names for them. */
export function useAttributeText(): AttributeText {
  const { language } = useI18n();
  return useMemo(() => {
    const en = language === 'en';
    return {
      label: (attribute) =>
        (en && ATTRIBUTE_NAMES_EN[attribute.code]?.label) || attribute.description || attribute.code,
      valueName: (attribute, key) =>
        (en && ATTRIBUTE_NAMES_EN[attribute.code]?.values?.[String(key)]) ||
        attribute.values?.find((v) => v.key === key)?.name ||
        String(key),
      separator: en ? ', ' : '、',
    };
  }, [language]);
}
