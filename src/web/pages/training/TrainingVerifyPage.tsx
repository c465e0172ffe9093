import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { verifyTrainingCertificate } from '../../api/training';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/** The public page (no sign-in) that confirms a training certificate: masked name, course, date. */
export function TrainingVerifyPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [serial, setSerial] = useState(params.get('serial') ?? '');
  const check = useMutation({
    mutationFn: (value: string) => verifyTrainingCertificate(value.trim().toUpperCase()),
  });
  return (
    <div style={{ maxWidth: 480, margin: '48px auto', padding: 16 }}>
      <Card title={t('training.verify.title')}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={serial}
            placeholder={t('training.verify.serial')}
            data-testid="verify-serial"
            onChange={(e) => setSerial(e.target.value)}
            onPressEnter={() => check.mutate(serial)}
          />
          <Button type="primary" data-testid="verify-submit" onClick={() => check.mutate(serial)}>
            {t('training.verify.check')}
          </Button>
        </Space.Compact>
        {check.data && (
          <div data-testid="verify-result" style={{ marginTop: 16 }}>
            <Alert type="success" title={t('training.verify.valid')} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('training.name')}>{check.data.name}</Descriptions.Item>
              <Descriptions.Item label={t('training.course')}>{check.data.course}</Descriptions.Item>
              <Descriptions.Item label={t('training.completedOn')}>
                {check.data.completedOn}
              </Descriptions.Item>
            </Descriptions>
          </div>
        )}
        {check.error && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            data-testid="verify-error"
            title={
              isApiError(check.error, 404) ? t('training.verify.notFound') : errorMessage(check.error, t)
            }
          />
        )}
      </Card>
    </div>
  );
}
