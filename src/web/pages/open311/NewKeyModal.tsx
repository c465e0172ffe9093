import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import type { Open311Key } from '../../api/open311';
import { useI18n } from '../../i18n/I18nProvider';
import { mono } from '../persons/PersonsTable';

/** The new key, shown this once with a copy button: the server keeps only its hash. */
export function NewKeyModal({
  issued,
  onClose,
}: {
  issued: Open311Key & { key: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('open311.issuedTitle', { name: issued.name })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="open311-new-key-done">
          {t('open311.issuedDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('open311.issuedWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: issued.key, tooltips: [t('open311.copy'), t('open311.copied')] }}
        style={{ ...mono, whiteSpace: 'normal', fontSize: 15, wordBreak: 'break-all' }}
        data-testid="open311-new-key"
      >
        {issued.key}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'region',
            label: t('open311.region'),
            children: `${issued.regionName} ${issued.regionCode}`,
          },
          { key: 'usage', label: t('open311.usage'), children: t('open311.usageHint') },
        ]}
      />
    </Modal>
  );
}
