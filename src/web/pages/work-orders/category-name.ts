import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { categoriesQuery } from '../../api/service-catalogue';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * An order's category as the reader's language names it: orders carry the Chinese name, the
 * catalogue (cached) the English one where the catalogue has one.
 */
export function useCategoryName(): (order: { categoryCode: string; categoryName: string }) => string {
  const { language } = useI18n();
  const categories = useQuery({ ...categoriesQuery, enabled: language === 'en' });
  return useCallback(
    (order) => {
      if (language !== 'en') return order.categoryName;
      return categories.data?.find((c) => c.code === order.categoryCode)?.nameEn || order.categoryName;
    },
    [language, categories.data],
  );
}
