import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Input, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { beijingMonth } from '../../../shared/beijing-time';
import { type WorkLogCount, workLogCountsQuery } from '../../api/worklogs';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';

/** Per party organization in scope: its logs of a month; those with none flagged (or shown alone). */
export function WorkLogCounts() {
  const { t } = useI18n();
  const [month, setMonth] = useState(beijingMonth(new Date()));
  const [missing, setMissing] = useState(false);
  const counts = useQuery({ ...workLogCountsQuery(month, missing), enabled: /^\d{4}-\d{2}$/.test(month) });
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Input
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          aria-label={t('worklogs.month')}
          style={{ width: 180 }}
        />
        <Flex gap={6} align="center">
          <Switch checked={missing} onChange={setMissing} aria-label={t('worklogs.missingOnly')} />
          <span>{t('worklogs.missingOnly')}</span>
        </Flex>
        {counts.data && (
          <Typography.Text type="warning" data-testid="worklogs-without">
            {t('worklogs.withoutLogs', { count: counts.data.withoutLogs })}
          </Typography.Text>
        )}
      </Flex>
      {counts.data?.truncated && <Alert type="info" showIcon message={t('worklogs.truncated')} />}
      {counts.isError ? (
        <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <ResponsiveTable<WorkLogCount>
          rowKey="organizationId"
          size="small"
          loading={counts.isPending}
          dataSource={counts.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('worklogs.organization'), dataIndex: 'organizationName' },
            {
              title: t('worklogs.secretary'),
              dataIndex: 'secretaryName',
              render: (n: string | null) => n ?? '—',
            },
            {
              title: t('worklogs.count'),
              dataIndex: 'logs',
              render: (n: number) => (n === 0 ? <Tag color="red">{t('worklogs.noLog')}</Tag> : n),
            },
            {
              title: t('worklogs.lastLoggedOn'),
              dataIndex: 'lastLoggedOn',
              render: (d: string | null) => d ?? '—',
            },
          ]}
        />
      )}
    </>
  );
}
