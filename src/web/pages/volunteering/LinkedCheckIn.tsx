import { Button, Card, Flex, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The check-in a scanned QR code asks for: which activity, the code, and the volunteer's own
 * confirmation (nothing is sent before they press a button). On the member's page and the portal.
 */
export function LinkedCheckIn({
  activityTitle,
  code,
  pending,
  onConfirm,
  onDismiss,
}: {
  activityTitle: string | undefined;
  code: string;
  pending: boolean;
  onConfirm: (action: 'check_in' | 'check_out') => void;
  onDismiss?: () => void;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('vol.link.title')}
      data-testid="linked-check-in"
      style={{ borderColor: '#1d5fb8' }}
      extra={
        onDismiss && (
          <Button type="link" onClick={onDismiss}>
            {t('common.cancel')}
          </Button>
        )
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {activityTitle ?? t('vol.link.unknownActivity')}
      </Typography.Paragraph>
      <div
        data-testid="linked-code"
        style={{ fontSize: 32, letterSpacing: 6, fontFamily: 'monospace', fontWeight: 700 }}
      >
        {code}
      </div>
      <Typography.Paragraph type="secondary">{t('vol.link.confirmHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          size="large"
          loading={pending}
          onClick={() => onConfirm('check_in')}
          data-testid="linked-check-in-confirm"
          style={{ flex: 1, minWidth: 130 }}
        >
          {t('vol.link.checkIn')}
        </Button>
        <Button
          size="large"
          disabled={pending}
          onClick={() => onConfirm('check_out')}
          data-testid="linked-check-out-confirm"
          style={{ flex: 1, minWidth: 130 }}
        >
          {t('vol.link.checkOut')}
        </Button>
      </Flex>
    </Card>
  );
}
