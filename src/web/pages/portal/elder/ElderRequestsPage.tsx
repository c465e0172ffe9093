import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { myRequestsQuery, requestQuery } from '../../../api/portal';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useI18n } from '../../../i18n/I18nProvider';
import { usePortalCategoryName } from '../category-name';
import { PortalPage } from '../PortalLayout';
import { stageLabel } from '../portal-stage';
import { shortTime } from '../portal-time';
import { PortalQueryError } from '../session';
import { BigButton } from './BigButton';
import { waitingForRating } from './to-rate';

/**
 * Elder mode's lists, one task each: /m/mine, every request with where it stands in words;
 * /m/rate, only those waiting for a rating. A tap opens the request (and its rating form).
 */
export function ElderRequestsPage({ only }: { only: 'all' | 'to-rate' }) {
  const { t } = useI18n();
  const categoryName = usePortalCategoryName();
  const requests = useQuery(myRequestsQuery);
  const queryClient = useQueryClient();
  const all = requests.data?.items ?? [];
  const shown = only === 'to-rate' ? waitingForRating(all) : all;
  const title = only === 'to-rate' ? t('elder.rate.title') : t('elder.mine.title');

  return (
    <PortalPage title={title} back="/m" testId={only === 'to-rate' ? 'elder-rate-page' : 'elder-mine-page'}>
      {requests.isPending && <FullPageSpin />}
      {requests.isError && (
        <PortalQueryError error={requests.error} onRetry={() => void requests.refetch()} />
      )}
      {requests.data && shown.length === 0 && (
        <Typography.Paragraph style={{ fontSize: 22, padding: '24px 8px' }} data-testid="elder-empty">
          {only === 'to-rate' ? t('elder.rate.empty') : t('elder.mine.empty')}
        </Typography.Paragraph>
      )}
      {shown.map((request) => (
        <BigButton
          key={request.id}
          to={`/m/requests/${request.id}`}
          primary={only === 'to-rate'}
          word={categoryName(request)}
          hint={
            only === 'to-rate'
              ? `${t('elder.rate.open')} · ${t('elder.mine.reported', { date: shortTime(request.createdAt).slice(0, 10) })}`
              : `${t(stageLabel(request.status))} · ${t('elder.mine.reported', { date: shortTime(request.createdAt).slice(0, 10) })}`
          }
          // The list is newer than a detail seen a moment ago (closed since): fetch it afresh, so
          // the rating form is there when it is due.
          onOpen={() => void queryClient.invalidateQueries({ queryKey: requestQuery(request.id).queryKey })}
          testId={`elder-request-${request.number}`}
        />
      ))}
    </PortalPage>
  );
}
