import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type PortalPost,
  portalPostsQuery,
  portalTimebankKeys,
  stepPortalPost,
} from '../../api/portal-timebank';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalPostForm } from './PortalPostForm';
import { shortTime } from './portal-time';
import { PortalQueryError, useSessionEnded } from './session';

const STATUS_COLORS = {
  open: 'blue',
  accepted: 'gold',
  confirmed: 'green',
  cancelled: 'default',
  expired: 'default',
} as const;

type Step = 'accept' | 'confirm' | 'cancel';

/**
 * /m/timebank/board — 互助广场 of the resident's community: offers and requests open to take, and
 * the resident's own. Each post offers what the server says the resident may do with it.
 */
export function PortalBoardPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const posts = useQuery(portalPostsQuery);
  const [writing, setWriting] = useState(false);
  const step = useMutation({
    mutationFn: ({ post, step }: { post: PortalPost; step: Step }) => stepPortalPost(post.id, step),
    onSuccess: async () => {
      void message.success(t('portal.tb.done'));
      await queryClient.invalidateQueries({ queryKey: portalTimebankKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });
  const action = (post: PortalPost, which: Step, label: string, primary = false) => (
    <Button
      key={which}
      type={primary ? 'primary' : 'default'}
      loading={step.isPending && step.variables?.post.id === post.id && step.variables.step === which}
      onClick={() => step.mutate({ post, step: which })}
      data-testid={`portal-tb-${which}`}
    >
      {label}
    </Button>
  );

  return (
    <PortalPage
      title={t('portal.tb.board')}
      back="/m/timebank"
      testId="portal-tb-board-page"
      extra={
        <Button
          type="text"
          icon={<PlusOutlined />}
          aria-label={t('portal.tb.newPost')}
          onClick={() => setWriting(!writing)}
          style={{ color: '#fff', width: 44, height: 44 }}
          data-testid="portal-tb-new-post"
        />
      }
    >
      {writing && <PortalPostForm onDone={() => setWriting(false)} />}
      {posts.isPending && <FullPageSpin />}
      {posts.isError && <PortalQueryError error={posts.error} onRetry={() => void posts.refetch()} />}
      {posts.data?.items.length === 0 && (
        <PortalCard>
          <Empty description={t('portal.tb.emptyBoard')} />
        </PortalCard>
      )}
      {posts.data?.items.map((post) => (
        <PortalCard key={post.id} testId="portal-tb-post">
          <Flex justify="space-between" align="center" gap={8}>
            <Flex gap={6} align="center" style={{ minWidth: 0 }}>
              <Tag color={post.kind === 'request' ? 'volcano' : 'cyan'}>
                {t(`portal.tb.tag.${post.kind}`)}
              </Tag>
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {post.title}
              </Typography.Text>
            </Flex>
            <Tag color={STATUS_COLORS[post.status]}>{t(`portal.tb.status.${post.status}`)}</Tag>
          </Flex>
          {post.description && (
            <Typography.Paragraph style={{ margin: '8px 0 0' }} ellipsis={{ rows: 3 }}>
              {post.description}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 8 }}>
            {[
              t(`portal.tb.category.${post.category}`),
              t('portal.tb.minutes', { minutes: post.minutes }),
              t('portal.tb.by', { name: post.posterName }),
              post.status === 'open' ? t('portal.tb.until', { date: shortTime(post.expiresAt) }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          {(post.myRole || post.canAccept || post.canConfirm || post.canCancel) && (
            <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
              {post.myRole && <Tag>{t(`portal.tb.role.${post.myRole}`)}</Tag>}
              {post.canAccept && action(post, 'accept', t(`portal.tb.accept.${post.kind}`), true)}
              {post.canConfirm && action(post, 'confirm', t('portal.tb.confirm'), true)}
              {post.canCancel &&
                action(
                  post,
                  'cancel',
                  post.status === 'open' ? t('portal.tb.withdraw') : t('portal.tb.backOut'),
                )}
            </Flex>
          )}
        </PortalCard>
      ))}
    </PortalPage>
  );
}
