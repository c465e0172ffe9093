import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseDetail, caseQuery } from '../../api/relocation';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { yuan } from '../loans/format';
import { STATUS_COLOURS, squareMetres } from './format';
import { type StepKind, StepModal } from './StepModal';

type Dispute = CaseDetail['disputes'][number];

/** /relocation/:id — a case: areas and compensation, its steps (who, when), the next ones, disputes. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const [step, setStep] = useState<StepKind | null>(null);
  const query = useQuery(caseQuery(id));
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return <Card loading />;
  const canWrite = hasPermission(me, 'relocation.write');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="case-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="case-subject-name">{c.subjectName}</span>
            <Tag color={STATUS_COLOURS[c.status]} data-testid="case-status">
              {t(`relocation.status.${c.status}`)}
            </Tag>
          </Space>
        }
        extra={
          canWrite && (
            <Space wrap>
              {c.nextActions.map((action) => (
                <Button
                  key={action}
                  size="small"
                  type={action === 'withdraw' ? 'default' : 'primary'}
                  danger={action === 'withdraw'}
                  onClick={() => setStep(action)}
                  data-testid={`step-${action}`}
                >
                  {t(`relocation.action.${action}`)}
                </Button>
              ))}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('relocation.program')}>
            {t(`relocation.program.${c.program}`)} · {t(`relocation.subject.${c.subject}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('relocation.landArea')}>
            {squareMetres(c.landAreaDm2)}
          </Descriptions.Item>
          <Descriptions.Item label={t('relocation.houseArea')}>
            {squareMetres(c.houseAreaDm2)}
          </Descriptions.Item>
          <Descriptions.Item label={t('relocation.compensation')}>
            <span data-testid="case-compensation">
              {c.compensationFen === null ? '—' : yuan(c.compensationFen)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('relocation.resettlement')}>
            {c.resettlementName ? `${c.resettlementName} ${c.unit ?? ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('relocation.note')}>{c.note || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('relocation.steps')}>
        <Timeline
          items={c.events.map((e) => ({
            color: e.toStatus === 'withdrawn' ? 'red' : 'green',
            children: (
              <div data-testid="case-event">
                <strong>{t(`relocation.action.${e.action}`)}</strong> {e.onDay}
                <div style={{ color: '#888' }}>
                  {e.actorName ?? ''} · {formatTime(e.at)}
                  {e.note && ` · ${e.note}`}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      <Card
        size="small"
        title={t('relocation.disputes')}
        extra={
          canWrite &&
          c.status !== 'withdrawn' && (
            <Button size="small" onClick={() => setStep('dispute')} data-testid="raise-dispute">
              {t('relocation.raiseDispute')}
            </Button>
          )
        }
      >
        <ResponsiveTable<Dispute>
          rowKey="id"
          size="small"
          dataSource={c.disputes}
          pagination={false}
          columns={[
            { title: t('relocation.day'), dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
            { title: t('relocation.disputeDescription'), dataIndex: 'description' },
            {
              title: t('relocation.workOrder'),
              dataIndex: 'workOrderNumber',
              render: (number: string, d) => (
                <Link to={`/work-orders/${d.workOrderId}`} data-testid="dispute-order">
                  {number}
                </Link>
              ),
            },
            { title: t('relocation.by'), dataIndex: 'raisedBy', render: (by: string | null) => by ?? '' },
          ]}
        />
      </Card>
      {step && <StepModal id={c.id} kind={step} onClose={() => setStep(null)} />}
    </Space>
  );
}
