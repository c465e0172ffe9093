import { NoAccessResult } from '../components/NoAccessResult';
import { useI18n } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  return <NoAccessResult title={t('notFound.title')} hint={t('notFound.hint')} testId="page-not-found" />;
}
