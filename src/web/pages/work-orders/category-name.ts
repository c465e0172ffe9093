import { useQuery } from '@tanstack/react-query';
import { categoriesQuery } from '../../api/service-catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useCategoryNameFrom } from '../../lib/category-name';

/** An order's category in the reader's language, from the staff catalogue. */
export function useCategoryName() {
  const { language } = useI18n();
  const categories = useQuery({ ...categoriesQuery, enabled: language === 'en' });
  return useCategoryNameFrom(categories.data);
}
