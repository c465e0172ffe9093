import { NoAccessResult } from '../../components/NoAccessResult';
import { useI18n } from '../../i18n/I18nProvider';

/** What a user sees for a region outside their jurisdiction: the server answers 404 for both. */
export function RegionNotFound() {
  const { t } = useI18n();
  return (
    <NoAccessResult title={t('region.notFound')} hint={t('region.notFoundHint')} testId="region-not-found" />
  );
}
