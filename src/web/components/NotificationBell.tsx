import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type InboxItem, inboxKeys, inboxQuery, markRead } from '../api/notifications';
import { useI18n } from '../i18n/I18nProvider';
import { formatTime } from '../lib/time';

/** The header's bell: unread messages (an order given to me, urged, reopened…) linking to the order. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const inbox = useQuery(inboxQuery);
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });

  const openItem = (item: InboxItem) => {
    if (!item.readAt) read.mutate(item.id);
    setOpen(false);
    if (item.workOrderId) navigate(`/work-orders/${item.workOrderId}`);
  };

  const items = inbox.data?.items ?? [];
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }} data-testid="inbox">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.inbox.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              onClick={() => openItem(item)}
              style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f7ff' }}
              data-testid={`inbox-item-${item.id}`}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!item.readAt} style={{ whiteSpace: 'normal' }}>
                    {item.text}
                  </Typography.Text>
                }
                description={formatTime(item.createdAt)}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('wo.inbox.title')}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={inbox.data?.unread ?? 0} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={t('wo.inbox.title')}
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
          data-testid="inbox-bell"
        />
      </Badge>
    </Popover>
  );
}
