import { EditOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { PersonDetail } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { HealthModal } from './HealthModal';
import { parseHealthRecord } from './health-record';
import { RevealControls } from './RevealControls';
import { useReveal } from './useReveal';

interface Props {
  person: PersonDetail;
  canReveal: boolean;
  canWrite: boolean;
}

/** The health record: hidden until revealed with a reason, like the ID number; editable by workers. */
export function HealthCard({ person, canReveal, canWrite }: Props) {
  const { t } = useI18n();
  const { value, secondsLeft, reveal, hide } = useReveal(person.id, 'health');
  const [editing, setEditing] = useState(false);
  const record = value === null ? null : parseHealthRecord(value);
  const active = person.status !== 'anonymized';

  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <MedicineBoxOutlined />
          {t('health.title')}
        </Flex>
      }
      extra={
        canWrite &&
        active && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="health-edit"
          >
            {person.hasHealthRecord ? t('health.edit') : t('health.create')}
          </Button>
        )
      }
      style={{ marginTop: 16 }}
      data-testid="health-card"
    >
      {!person.hasHealthRecord ? (
        <Typography.Text type="secondary">{t('health.none')}</Typography.Text>
      ) : (
        <>
          <Flex align="center" gap={8} wrap style={{ marginBottom: record ? 12 : 0 }}>
            <Typography.Text>
              {t('health.recorded', { at: formatTime(person.healthUpdatedAt ?? person.updatedAt) })}
            </Typography.Text>
            {!record && <Typography.Text type="secondary">· {t('health.hidden')}</Typography.Text>}
            {canReveal && active && (
              <RevealControls
                label={t('health.title')}
                testId="health"
                secondsLeft={secondsLeft}
                revealed={record !== null}
                onReveal={reveal}
                onHide={hide}
              />
            )}
          </Flex>
          {record && (
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 150 }, content: { background: '#fffbf0' } }}
              items={[
                {
                  key: 'conditions',
                  label: t('health.conditions'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.conditions}</span>,
                },
                { key: 'doctor', label: t('health.doctorContact'), children: record.doctorContact },
                { key: 'checkup', label: t('health.lastCheckup'), children: record.lastCheckup },
              ]}
              data-testid="health-record"
            />
          )}
        </>
      )}
      {editing && <HealthModal person={person} current={record} onClose={() => setEditing(false)} />}
    </Card>
  );
}
