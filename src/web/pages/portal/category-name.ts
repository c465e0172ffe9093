import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { portalCategoriesQuery } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';

/** A request's category in the resident's language: English from the (cached) catalogue, if it has it. */
export function usePortalCategoryName(): (request: { categoryCode: string; categoryName: string }) => string {
  const { language } = useI18n();
  const categories = useQuery({ ...portalCategoriesQuery, enabled: language === 'en' });
  return useCallback(
    (request) => {
      if (language !== 'en') return request.categoryName;
      return categories.data?.find((c) => c.code === request.categoryCode)?.nameEn || request.categoryName;
    },
    [language, categories.data],
  );
}
