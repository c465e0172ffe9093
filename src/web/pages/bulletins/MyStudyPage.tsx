import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, List, Modal, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { bulletinKeys, myBulletinsQuery, openPost } from '../../api/bulletins';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/time';

type Opened = Awaited<ReturnType<typeof openPost>>;

/** /me/study — 学习: a member's posts to read (unread first), their courses and scores. */
export function MyStudyPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const mine = useQuery(myBulletinsQuery());
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = useMutation({
    mutationFn: openPost,
    onSuccess: (post) => {
      setOpened(post);
      return client.invalidateQueries({ queryKey: bulletinKeys.mine });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  const posts = mine.data?.posts ?? [];
  const courses = mine.data?.courses ?? [];
  return (
    <Flex vertical gap={16} data-testid="my-study-page">
      <Card title={t('bulletins.myCourses')} loading={mine.isPending} size="small">
        <List
          dataSource={courses}
          locale={{ emptyText: <Empty description={t('bulletins.nothing')} /> }}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Link to={`/me/study/courses/${c.id}`}>{c.title}</Link>
                <Progress
                  percent={c.items === 0 ? 0 : Math.round((100 * c.itemsDone) / c.items)}
                  size="small"
                  aria-label={`${c.title} ${t('bulletins.progress', { done: c.itemsDone, total: c.items })}`}
                />
                <Flex gap={8} wrap>
                  <Typography.Text type="secondary">
                    {t('bulletins.progress', { done: c.itemsDone, total: c.items })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {c.bestScore === null
                      ? t('bulletins.noScore')
                      : t('bulletins.bestScore', { score: c.bestScore })}
                  </Typography.Text>
                  {c.passed && <Tag color="green">{t('bulletins.passedTag')}</Tag>}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('bulletins.posts')} loading={mine.isPending} size="small">
        <List
          dataSource={posts}
          locale={{ emptyText: <Empty description={t('bulletins.nothing')} /> }}
          renderItem={(p) => (
            <List.Item
              data-testid="my-post"
              extra={
                p.readAt ? <Tag>{t('bulletins.readAt')}</Tag> : <Tag color="red">{t('bulletins.toRead')}</Tag>
              }
            >
              <List.Item.Meta
                title={
                  <Button
                    type="link"
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => open.mutate(p.id)}
                  >
                    {p.title}
                  </Button>
                }
                description={`${t(`bulletins.kind.${p.kind}`)} · ${formatDate(p.publishedAt)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      {opened && (
        <Modal open title={opened.title} onCancel={() => setOpened(null)} footer={null}>
          {/* Plain text, as written: never HTML. */}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{opened.body}</Typography.Paragraph>
        </Modal>
      )}
    </Flex>
  );
}
