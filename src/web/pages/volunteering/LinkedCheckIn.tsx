import { Button, Flex, Typography } from 'antd';
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
    // A plain block rather than a Card: the portal's chunk stays free of Card (and of its share of
    // the first load, which a newly shared chunk would grow).
    <section
      data-testid="linked-check-in"
      style={{
        background: '#fff',
        border: '1px solid #1d5fb8',
        borderRadius: 8,
        padding: 16,
        marginBottom: 12,
      }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('vol.link.title')}
        </Typography.Text>
        {onDismiss && (
          <Button type="link" onClick={onDismiss}>
            {t('common.cancel')}
          </Button>
        )}
      </Flex>
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
    </section>
  );
}
