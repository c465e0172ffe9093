import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  count: number;
}

/** Cursor paging: a count of what is shown and a button for the next page. */
export function LoadMore({ hasMore, loading, onLoadMore, count }: Props) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: 12 }}>
      <Typography.Text type="secondary">{t('common.shownCount', { count })}</Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
