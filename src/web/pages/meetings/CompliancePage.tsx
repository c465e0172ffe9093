import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { type ComplianceRow, complianceQuery } from '../../api/meetings';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { ZONE } from '../../lib/time';

type Slot = ComplianceRow['slots'][number];

/** The current quarter and the seven before it, newest first. */
function recentQuarters(): string[] {
  const now = dayjs().tz(ZONE);
  let year = now.year();
  let q = Math.floor(now.month() / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    quarters.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return quarters;
}

/**
 * /meetings/compliance — per organization and quarter, each meeting the rules required: held, or
 * missed (in red, and saying 未召开, so it reads without colour), or still open.
 */
export function CompliancePage() {
  const { t } = useI18n();
  const quarters = recentQuarters();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? quarters[1]!;
  const compliance = useQuery(complianceQuery(quarter, ''));
  const slotTag = (slot: Slot) => {
    const label = `${t(`meetings.type.${slot.type}`)} ${slot.period}`;
    if (slot.state === 'missed')
      return (
        <Tag key={`${slot.type}${slot.period}`} color="red" data-testid="slot-missed">
          {label} · {t('meetings.missed')}
        </Tag>
      );
    return (
      <Tag key={`${slot.type}${slot.period}`} color={slot.state === 'held' ? 'green' : undefined}>
        {label} · {t(slot.state === 'held' ? 'meetings.held' : 'meetings.open')}
      </Tag>
    );
  };
  return (
    <Card title={`${t('nav.meetings')} · ${t('meetings.compliance')}`} data-testid="meetings-compliance-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          value={quarter}
          onChange={(v) => setParams({ quarter: v }, { replace: true })}
          style={{ width: 140 }}
          options={quarters.map((q) => ({ value: q, label: q }))}
          aria-label={t('meetings.quarter')}
        />
      </Flex>
      {compliance.isError ? (
        <QueryError error={compliance.error} onRetry={() => void compliance.refetch()} />
      ) : (
        <ResponsiveTable<ComplianceRow>
          rowKey="organizationId"
          size="small"
          loading={compliance.isPending}
          pagination={false}
          dataSource={(compliance.data?.items ?? []).filter((row) => row.required > 0)}
          columns={[
            { title: t('meetings.organization'), dataIndex: 'organizationName' },
            { title: t('meetings.required'), dataIndex: 'required' },
            { title: t('meetings.held'), dataIndex: 'held' },
            {
              title: t('meetings.missed'),
              dataIndex: 'missed',
              render: (missed: number) =>
                missed > 0 ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{missed}</span> : 0,
            },
            {
              title: t('meetings.slots'),
              key: 'slots',
              render: (_: unknown, row) => (
                <Space wrap size={4}>
                  {row.slots.map(slotTag)}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
