import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Empty, List, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import {
  bulletinKeys,
  courseStep,
  coursesQuery,
  postStep,
  postsQuery,
  unreadQuery,
} from '../../api/bulletins';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { CourseModal } from './CourseModal';
import { PostModal } from './PostModal';

const STATUS_COLOR = { draft: 'default', published: 'green', withdrawn: 'red' } as const;

/** Who has not read a post yet (members it reaches inside the caller's scope). */
function UnreadDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const unread = useQuery(unreadQuery(id));
  return (
    <Drawer open title={t('bulletins.unread')} onClose={onClose} size="default">
      {unread.isError && <QueryError error={unread.error} onRetry={() => void unread.refetch()} />}
      <List
        loading={unread.isPending}
        dataSource={unread.data?.items ?? []}
        locale={{ emptyText: t('bulletins.unreadEmpty') }}
        renderItem={(m) => (
          <List.Item>
            {m.name} · {m.organizationName}
          </List.Item>
        )}
      />
    </Drawer>
  );
}

/** /bulletins — posts and study courses of one's area: write, publish, withdraw, read statistics. */
export function BulletinsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = hasPermission(me, 'bulletin.write');
  const [modal, setModal] = useState<'post' | 'course' | null>(null);
  const [unreadOf, setUnreadOf] = useState<string | null>(null);
  const posts = useQuery(postsQuery());
  const courses = useQuery(coursesQuery());
  const step = useMutation({
    mutationFn: async (v: { what: 'post' | 'course'; id: string; step: 'publish' | 'withdraw' }) => {
      if (v.what === 'post') await postStep(v.id, v.step);
      else await courseStep(v.id, v.step);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: bulletinKeys.all }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const actions = (what: 'post' | 'course', id: string, status: string) =>
    canWrite && (
      <Space wrap>
        {status === 'draft' && (
          <Button size="small" onClick={() => step.mutate({ what, id, step: 'publish' })}>
            {t('bulletins.publish')}
          </Button>
        )}
        {status === 'published' && (
          <Button size="small" danger onClick={() => step.mutate({ what, id, step: 'withdraw' })}>
            {t('bulletins.withdraw')}
          </Button>
        )}
      </Space>
    );
  const status = (s: 'draft' | 'published' | 'withdrawn') => (
    <Tag color={STATUS_COLOR[s]}>{t(`bulletins.status.${s}`)}</Tag>
  );
  const postTab = (
    <>
      {posts.isError && <QueryError error={posts.error} onRetry={() => void posts.refetch()} />}
      <ResponsiveTable
        rowKey="id"
        loading={posts.isPending}
        dataSource={posts.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('bulletins.empty')} /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('bulletins.title'), dataIndex: 'title' },
          {
            title: t('bulletins.kind'),
            dataIndex: 'kind',
            render: (k: 'news' | 'notice' | 'study') => t(`bulletins.kind.${k}`),
          },
          { title: t('bulletins.status'), dataIndex: 'status', render: status },
          {
            title: t('bulletins.read'),
            key: 'read',
            render: (_, p) => (
              <Button
                type="link"
                size="small"
                onClick={() => setUnreadOf(p.id)}
                disabled={p.status === 'draft'}
              >
                {p.read} / {p.audience}
              </Button>
            ),
          },
          {
            title: t('bulletins.publish'),
            dataIndex: 'publishedAt',
            render: (at: string | null) => (at ? formatTime(at) : '—'),
          },
          {
            title: t('bulletins.actions'),
            key: 'actions',
            render: (_, p) => actions('post', p.id, p.status),
          },
        ]}
      />
    </>
  );
  const courseTab = (
    <>
      {courses.isError && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
      <ResponsiveTable
        rowKey="id"
        loading={courses.isPending}
        dataSource={courses.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('bulletins.title'), dataIndex: 'title' },
          { title: t('bulletins.status'), dataIndex: 'status', render: status },
          { title: t('bulletins.items'), dataIndex: 'items' },
          { title: t('bulletins.questions'), dataIndex: 'questions' },
          { title: t('bulletins.passMark'), dataIndex: 'passMark' },
          { title: t('bulletins.passed'), dataIndex: 'passed' },
          {
            title: t('bulletins.actions'),
            key: 'actions',
            render: (_, c) => actions('course', c.id, c.status),
          },
        ]}
      />
    </>
  );
  return (
    <Card
      title={t('nav.bulletins')}
      data-testid="bulletins-page"
      extra={
        canWrite && (
          <Space wrap>
            <Button type="primary" onClick={() => setModal('post')} data-testid="new-post">
              {t('bulletins.newPost')}
            </Button>
            <Button onClick={() => setModal('course')} data-testid="new-course">
              {t('bulletins.newCourse')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          { key: 'posts', label: t('bulletins.posts'), children: postTab },
          { key: 'courses', label: t('bulletins.courses'), children: courseTab },
        ]}
      />
      {modal === 'post' && <PostModal onClose={() => setModal(null)} />}
      {modal === 'course' && <CourseModal onClose={() => setModal(null)} />}
      {unreadOf && <UnreadDrawer id={unreadOf} onClose={() => setUnreadOf(null)} />}
    </Card>
  );
}
