import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { refreshWorkOrders } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatShortTime } from '../../../lib/time';
import { discardDraft, sendDraftNow, type WorkOrderDraft } from '../../../offline/work-order-drafts';
import { useWorkOrderLabels } from '../labels';

/**
 * Resolutions and notes typed without network, waiting to be sent ("待发送"), or refused when
 * they were (the order moved on meanwhile), each with what it says, its photos, "send now" and
 * "discard". On the order's page (`linkToOrder` off) and on the phone home.
 */
export function WorkOrderDrafts({
  drafts,
  linkToOrder,
}: {
  drafts: WorkOrderDraft[];
  linkToOrder?: boolean;
}) {
  if (drafts.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="work-order-drafts">
      {drafts.map((draft) => (
        <DraftItem key={draft.id} draft={draft} linkToOrder={linkToOrder ?? false} />
      ))}
    </Flex>
  );
}

function DraftItem({ draft, linkToOrder }: { draft: WorkOrderDraft; linkToOrder: boolean }) {
  const { t } = useI18n();
  const labels = useWorkOrderLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const params = { action: labels.action(draft.action), number: draft.orderNumber };
  const title = t(draft.refused ? 'drafts.refused' : 'drafts.waiting', params);

  const send = async () => {
    setSending(true);
    try {
      const outcome = await sendDraftNow(draft);
      if (outcome === 'sent') {
        void message.success(t('drafts.sentOne'));
        await refreshWorkOrders(queryClient);
      } else if (outcome === 'kept') {
        void message.warning(t('drafts.stillOffline'));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Alert
      type={draft.refused ? 'error' : 'warning'}
      showIcon
      data-testid="work-order-draft"
      data-draft-action={draft.action}
      title={linkToOrder ? <Link to={`/work-orders/${draft.orderId}`}>{title}</Link> : title}
      description={
        <Flex vertical gap={4}>
          {draft.refused && <Typography.Text type="danger">{draft.refused.message}</Typography.Text>}
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} data-testid="draft-note">
            {draft.body.note}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              draft.photos.length > 0 ? t('drafts.photos', { count: draft.photos.length }) : null,
              t('drafts.savedAt', { time: formatShortTime(draft.savedAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button size="small" loading={sending} onClick={() => void send()} data-testid="draft-send">
              {t('drafts.sendNow')}
            </Button>
            <Popconfirm
              title={t('drafts.discardConfirm')}
              okText={t('drafts.discard')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'draft-discard-confirm' }}
              onConfirm={() => discardDraft(draft.id)}
            >
              <Button size="small" danger data-testid="draft-discard">
                {t('drafts.discard')}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      }
    />
  );
}
