import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * An order's category as the reader's language names it: orders carry the Chinese name, the
 * catalogue (`categories`, read only for English readers) the English one where it has one.
 */
export function useCategoryNameFrom(
  categories: readonly { code: string; nameEn: string }[] | undefined,
): (order: { categoryCode: string; categoryName: string }) => string {
  const { language } = useI18n();
  return useCallback(
    (order) => {
      if (language !== 'en') return order.categoryName;
      return categories?.find((c) => c.code === order.categoryCode)?.nameEn || order.categoryName;
    },
    [language, categories],
  );
}
