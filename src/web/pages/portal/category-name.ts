import { useQuery } from '@tanstack/react-query';
import { portalCategoriesQuery } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';
import { useCategoryNameFrom } from '../../lib/category-name';

/** A request's category in the resident's language, from the portal's catalogue. */
export function usePortalCategoryName() {
  const { language } = useI18n();
  const categories = useQuery({ ...portalCategoriesQuery, enabled: language === 'en' });
  return useCategoryNameFrom(categories.data);
}
