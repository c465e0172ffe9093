import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, InputNumber, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  orderPortalItem,
  type PortalItem,
  portalItemsQuery,
  portalOrdersQuery,
  portalTimebankKeys,
  portalTimebankQuery,
} from '../../api/portal-timebank';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { PortalCard, PortalPage } from './PortalLayout';
import { deadlineDay, shortTime } from './portal-time';
import { PortalQueryError, useSessionEnded } from './session';

const ORDER_COLORS = { pending: 'blue', redeemed: 'green', refunded: 'default', expired: 'orange' } as const;

/**
 * /m/timebank/market — the love supermarket of the resident's community: items priced in
 * minutes, ordered from the resident's own balance. The six-digit code is shown once, large, to be
 * shown to the clerk; the orders below say which were collected.
 */
export function PortalMarketPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const ended = useSessionEnded();
  const own = useQuery(portalTimebankQuery);
  const items = useQuery(portalItemsQuery);
  const orders = useQuery(portalOrdersQuery);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [code, setCode] = useState<{ code: string; expiresAt: string; item: string } | null>(null);
  const order = useMutation({
    mutationFn: (item: PortalItem) => orderPortalItem(item.id, quantities[item.id] ?? 1),
    onSuccess: async (placed, item) => {
      setCode({ code: placed.code, expiresAt: placed.expiresAt, item: item.name });
      await queryClient.invalidateQueries({ queryKey: portalTimebankKeys.all });
    },
    onError: (error) => {
      if (!ended(error)) void message.error(errorMessage(error, t));
    },
  });
  const balance = own.data?.account?.balanceMinutes;

  return (
    <PortalPage title={t('portal.tb.market')} back="/m/timebank" testId="portal-tb-market-page">
      {balance !== undefined && (
        <Typography.Paragraph style={{ padding: '0 4px' }}>
          {t('portal.tb.balance')}
          {t('common.colon')}
          <Typography.Text strong data-testid="portal-tb-market-balance">
            {t('portal.tb.minutes', { minutes: balance })}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {items.isPending && <FullPageSpin />}
      {items.isError && <PortalQueryError error={items.error} onRetry={() => void items.refetch()} />}
      {items.data?.items.length === 0 && (
        <PortalCard>
          <Empty description={t('portal.tb.noItems')} />
        </PortalCard>
      )}
      {items.data?.items.map((item) => (
        <PortalCard key={item.id} testId="portal-tb-item">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {item.name}
          </Typography.Text>
          <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {t('portal.tb.price', { minutes: item.priceMinutes })} ·{' '}
              {t('portal.tb.stock', { stock: item.stock })}
            </Typography.Text>
            <Flex gap={8} align="center">
              <InputNumber
                min={1}
                max={Math.max(1, Math.min(20, item.stock))}
                value={quantities[item.id] ?? 1}
                onChange={(value) => setQuantities({ ...quantities, [item.id]: value ?? 1 })}
                style={{ width: 64 }}
                aria-label={item.name}
              />
              <Button
                type="primary"
                disabled={item.stock === 0}
                loading={order.isPending && order.variables?.id === item.id}
                onClick={() => order.mutate(item)}
                style={{ height: 40 }}
                data-testid="portal-tb-redeem"
              >
                {t('portal.tb.redeem')}
              </Button>
            </Flex>
          </Flex>
        </PortalCard>
      ))}

      <Typography.Text strong style={{ display: 'block', fontSize: 16, padding: '8px 4px' }}>
        {t('portal.tb.orders')}
      </Typography.Text>
      <PortalCard testId="portal-tb-orders">
        {orders.data?.items.length === 0 && <Empty description={t('portal.tb.noOrders')} />}
        {orders.data?.items.map((placed) => (
          <Flex
            key={placed.id}
            justify="space-between"
            align="center"
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <div>
              <Typography.Text>{`${placed.itemName} × ${placed.quantity}`}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {`${shortTime(placed.createdAt)} · ${t('portal.tb.minutes', { minutes: placed.minutes })}`}
              </Typography.Text>
            </div>
            <Tag color={ORDER_COLORS[placed.status]}>{t(`portal.tb.order.${placed.status}`)}</Tag>
          </Flex>
        ))}
      </PortalCard>

      <Modal
        open={code !== null}
        title={t('portal.tb.codeTitle')}
        onCancel={() => setCode(null)}
        footer={
          <Button type="primary" block onClick={() => setCode(null)} data-testid="portal-tb-code-close">
            {t('portal.tb.codeClose')}
          </Button>
        }
        width={340}
        centered
      >
        {code && (
          <Flex vertical align="center" gap={8} data-testid="portal-tb-code-card">
            <Typography.Text>{code.item}</Typography.Text>
            <Typography.Text type="secondary">{t('portal.tb.code')}</Typography.Text>
            <Typography.Text
              copyable={{ text: code.code }}
              style={{ fontSize: 40, fontWeight: 700, letterSpacing: 6, fontFamily: 'monospace' }}
              data-testid="portal-tb-code"
            >
              {code.code}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
              {t('portal.tb.codeHint', { date: deadlineDay(code.expiresAt) })}
            </Typography.Paragraph>
          </Flex>
        )}
      </Modal>
    </PortalPage>
  );
}
