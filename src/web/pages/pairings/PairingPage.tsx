import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type PairingDetail, pairingQuery } from '../../api/pairings';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { yuan } from '../loans/format';
import { type EntryKind, EntryModal } from './EntryModal';

type Entry = PairingDetail['contacts'][number] | PairingDetail['supports'][number];

/** /pairings/:id — a pairing: goals and plan, its contacts, support given and outcomes. */
export function PairingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const [entry, setEntry] = useState<EntryKind | null>(null);
  const pairing = useQuery(pairingQuery(id));
  if (pairing.error) return <QueryError error={pairing.error} onRetry={() => void pairing.refetch()} />;
  const p = pairing.data;
  if (!p) return <Card loading />;
  const canRecord = hasPermission(me, 'pairing.manage') && p.status === 'active';
  const button = (kind: EntryKind, label: string) =>
    canRecord && (
      <Button size="small" onClick={() => setEntry(kind)} data-testid={`add-${kind}`} danger={kind === 'end'}>
        {label}
      </Button>
    );
  const list = (title: string, kind: EntryKind, rows: Entry[], extra: React.ReactNode[] = []) => (
    <Card
      size="small"
      title={title}
      extra={button(
        kind,
        t(`pairings.add${kind === 'contacts' ? 'Contact' : kind === 'supports' ? 'Support' : 'Outcome'}`),
      )}
    >
      <ResponsiveTable<Entry>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        onRow={() => ({ 'data-testid': `${kind}-row` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('pairings.day'), dataIndex: 'onDay', width: 120 },
          ...(kind === 'contacts'
            ? [
                {
                  title: t('pairings.method'),
                  dataIndex: 'method',
                  render: (m: string) => t(`pairings.method.${m}` as 'pairings.method.visit'),
                },
              ]
            : []),
          ...(kind === 'supports'
            ? [
                {
                  title: t('pairings.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => t(`pairings.kind.${k}` as 'pairings.kind.money'),
                },
                {
                  title: t('pairings.amountYuan'),
                  dataIndex: 'amountFen',
                  align: 'right' as const,
                  render: (fen: number) => yuan(fen),
                },
              ]
            : []),
          { title: t('pairings.note'), dataIndex: 'description' },
          { title: '', dataIndex: 'recordedBy', render: (by: string | null) => by ?? '' },
        ]}
      />
      {extra}
    </Card>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="pairing-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="pairing-target-name">{p.targetName}</span>
            <Tag data-testid="pairing-status">{t(`pairings.status.${p.status}`)}</Tag>
          </Space>
        }
        extra={button('end', t('pairings.end'))}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('pairings.targetKind')}>
            {t(`pairings.targetKind.${p.targetKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('pairings.helper')}>
            {p.helperName} ({t(`pairings.helperKind.${p.helperKind}`)})
          </Descriptions.Item>
          <Descriptions.Item label={t('pairings.startedOn')}>{p.startedOn}</Descriptions.Item>
          <Descriptions.Item label={t('pairings.nextContactOn')}>{p.nextContactOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('pairings.supportTotal')}>
            <span data-testid="pairing-support-total">{yuan(p.supportFen)}</span>
          </Descriptions.Item>
          {p.endReason && (
            <Descriptions.Item label={t('pairings.endReason')}>
              {t(`pairings.endReason.${p.endReason}`)} {p.endedOn} {p.endNote}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('pairings.goals')} span={3}>
            {p.goals}
          </Descriptions.Item>
          <Descriptions.Item label={t('pairings.plan')} span={3}>
            {p.plan || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {list(t('pairings.contacts'), 'contacts', p.contacts)}
      {list(t('pairings.supports'), 'supports', p.supports)}
      {list(t('pairings.outcomes'), 'outcomes', p.outcomes as Entry[])}
      {entry && <EntryModal id={p.id} kind={entry} onClose={() => setEntry(null)} />}
    </Space>
  );
}
