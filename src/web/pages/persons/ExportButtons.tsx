import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { exportPersons, type PersonFilter } from '../../api/persons';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';

/** 导出 (masked) and, for those who may also reveal, 导出明文 (asks for the reason first). */
export function ExportButtons({ filter, canReveal }: { filter: PersonFilter; canReveal: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [askingReason, setAskingReason] = useState(false);
  const masked = useMutation({
    mutationFn: () => exportPersons(filter),
    onSuccess: (file) => {
      saveFile(file);
      void message.success(t('persons.exported', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  const exportRevealed = async (reason: string) => {
    const file = await exportPersons(filter, reason);
    saveFile(file);
    void message.success(t('persons.exported', { name: file.fileName }));
  };

  return (
    <Space>
      <Tooltip title={t('persons.exportHint')}>
        <Button
          icon={<DownloadOutlined />}
          loading={masked.isPending}
          onClick={() => masked.mutate()}
          data-testid="persons-export"
        >
          {t('persons.export')}
        </Button>
      </Tooltip>
      {canReveal && (
        <Button
          icon={<EyeOutlined />}
          onClick={() => setAskingReason(true)}
          data-testid="persons-export-revealed"
        >
          {t('persons.exportRevealed')}
        </Button>
      )}
      {askingReason && (
        <ReasonModal
          title={t('persons.exportRevealedTitle')}
          hint={t('persons.exportRevealedHint')}
          okText={t('persons.export')}
          onSubmit={exportRevealed}
          onClose={() => setAskingReason(false)}
        />
      )}
    </Space>
  );
}
