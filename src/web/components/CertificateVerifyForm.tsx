import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { errorMessage } from '../lib/errors';

/** The words of one kind of certificate's check page. */
export interface CertificateVerifyWords {
  title: MessageKey;
  serial: MessageKey;
  check: MessageKey;
  valid: MessageKey;
  notFound: MessageKey;
}

interface Props<Result> {
  words: CertificateVerifyWords;
  verify: (serial: string) => Promise<Result>;
  /** What a valid certificate's answer shows, label by label (the name comes masked). */
  facts: (result: Result) => { label: string; value: ReactNode }[];
}

/**
 * A public page (no sign-in) that confirms a certificate's serial, taken from the page's
 * `?serial=` (the QR code on the PDF) or typed; volunteering and training certificates use it.
 */
export function CertificateVerifyForm<Result>({ words, verify, facts }: Props<Result>) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [serial, setSerial] = useState(params.get('serial') ?? '');
  const check = useMutation({ mutationFn: (value: string) => verify(value.trim().toUpperCase()) });
  return (
    <main style={{ maxWidth: 480, margin: '48px auto', padding: 16 }}>
      <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t(words.title)}</h1>}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={serial}
            placeholder={t(words.serial)}
            aria-label={t(words.serial)}
            data-testid="verify-serial"
            onChange={(e) => setSerial(e.target.value)}
            onPressEnter={() => check.mutate(serial)}
          />
          <Button type="primary" data-testid="verify-submit" onClick={() => check.mutate(serial)}>
            {t(words.check)}
          </Button>
        </Space.Compact>
        {check.data !== undefined && (
          <div data-testid="verify-result" style={{ marginTop: 16 }}>
            <Alert type="success" title={t(words.valid)} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              {facts(check.data).map((fact) => (
                <Descriptions.Item key={fact.label} label={fact.label}>
                  {fact.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
        )}
        {check.error && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            data-testid="verify-error"
            title={isApiError(check.error, 404) ? t(words.notFound) : errorMessage(check.error, t)}
          />
        )}
      </Card>
    </main>
  );
}
