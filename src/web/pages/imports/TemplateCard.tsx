import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import type { ImportKind } from './import-kind';

/** Step 1: the template to fill in (its columns are explained next to it). */
export function TemplateCard({ kind }: { kind: ImportKind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const template = useMutation({
    mutationFn: kind.downloadTemplate,
    onSuccess: saveFile,
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <Card title={t('imports.templateTitle')}>
      <Typography.Paragraph type="secondary">{t(kind.templateIntro)}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        loading={template.isPending}
        onClick={() => template.mutate()}
        data-testid="download-template"
      >
        {t('imports.downloadTemplate')}
      </Button>
    </Card>
  );
}
