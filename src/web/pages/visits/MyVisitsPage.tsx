import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { myTargetsQuery, visitKeys } from '../../api/visits';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { flushDrafts, loadDrafts } from './offline-drafts';

/** /visits — a grid worker's or member's round on the phone: the households to visit, drafts waiting. */
export function MyVisitsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const targets = useQuery(myTargetsQuery);
  const [waiting, setWaiting] = useState(() => loadDrafts().length);

  const flush = useCallback(async () => {
    const sent = await flushDrafts();
    setWaiting(loadDrafts().length);
    if (sent > 0) {
      message.success(t('visits.draftsSent', { count: sent }));
      await queryClient.invalidateQueries({ queryKey: visitKeys.all });
    }
  }, [message, queryClient, t]);

  useEffect(() => {
    // The network came back: send what was typed without it.
    window.addEventListener('online', flush);
    if (navigator.onLine) void flush();
    return () => window.removeEventListener('online', flush);
  }, [flush]);

  return (
    <Flex vertical gap={12} data-testid="my-visits" style={{ maxWidth: 640 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.mine')}
        </Typography.Title>
        {hasPermission(me, 'visit.read') && <Link to="/visits/log">{t('visits.log')}</Link>}
      </Flex>
      {waiting > 0 && (
        <Alert
          type="warning"
          data-testid="visit-drafts"
          title={t('visits.drafts', { count: waiting })}
          action={
            <Button size="small" onClick={() => void flush()} data-testid="visit-drafts-send">
              {t('visits.sendNow')}
            </Button>
          }
        />
      )}
      {targets.error && <QueryError error={targets.error} />}
      {targets.data?.items.length === 0 && <Empty description={t('visits.none')} />}
      {targets.data?.items.map((target) => (
        <Card key={`${target.campaignId}-${target.householdId}`} size="small" data-testid="visit-target">
          <Flex vertical gap={8}>
            <Typography.Text strong>
              {target.headName || target.address || target.householdId}
            </Typography.Text>
            <Typography.Text type="secondary">{target.address}</Typography.Text>
            <Flex gap={4} wrap>
              <Tag>{target.campaignName}</Tag>
              <Tag color={target.metCount >= target.targetVisits ? 'green' : 'default'}>
                {t('visits.progress', { met: target.metCount, target: target.targetVisits })}
              </Tag>
              {target.revisitSlot && (
                <Tag color="orange">
                  {t('visits.revisit', { slot: t(`visits.slot.${target.revisitSlot}`) })}
                </Tag>
              )}
              {target.returnVisitDue && <Tag color="red">{t('visits.returnDue')}</Tag>}
            </Flex>
            <Button
              type="primary"
              size="large"
              block
              data-testid="visit-record"
              onClick={() => navigate(`/visits/record/${target.householdId}?campaign=${target.campaignId}`)}
            >
              {t('visits.record')}
            </Button>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
