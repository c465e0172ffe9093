import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { needToOrder, visitKeys, visitLogQuery } from '../../api/visits';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';

/** /visits/log — recent visits in scope, with each need found and a one-step "make a work order". */
export function VisitLogPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const log = useQuery(visitLogQuery);
  const order = useMutation({
    mutationFn: needToOrder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const mayOrder = hasPermission(me, 'workorder.intake');

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }} data-testid="visit-log">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('visits.log')}
      </Typography.Title>
      {log.error && <QueryError error={log.error} />}
      {log.data?.items.map((visit) => (
        <Card key={visit.id} size="small" data-testid="visit-entry">
          <Flex vertical gap={6}>
            <Flex gap={8} wrap>
              <Typography.Text strong>{formatTime(visit.startedAt)}</Typography.Text>
              <Tag>{t(`visits.method.${visit.method}`)}</Tag>
              <Tag color={visit.outcome === 'met' ? 'green' : 'default'}>
                {t(`visits.outcome.${visit.outcome}`)}
              </Tag>
              <Typography.Text type="secondary">{visit.recorderName}</Typography.Text>
            </Flex>
            {visit.notes && <Typography.Text>{visit.notes}</Typography.Text>}
            {visit.needs.map((need) => (
              <Flex key={need.id} gap={8} align="center" wrap data-testid="visit-need">
                <Tag color="volcano">{t(`visits.need.${need.type}`)}</Tag>
                <Typography.Text>{need.description}</Typography.Text>
                {need.workOrderId ? (
                  <Link to={`/work-orders/${need.workOrderId}`} data-testid="visit-need-order">
                    {t('visits.ordered', { number: need.workOrderNumber ?? '' })}
                  </Link>
                ) : (
                  mayOrder && (
                    <Button
                      size="small"
                      loading={order.isPending && order.variables === need.id}
                      onClick={() => order.mutate(need.id)}
                      data-testid="visit-need-to-order"
                    >
                      {t('visits.toOrder')}
                    </Button>
                  )
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
