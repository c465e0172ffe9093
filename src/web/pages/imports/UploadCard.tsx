import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { importKeys } from '../../api/imports';
import type { ImportJob } from '../../api/types';
import { FormError } from '../../components/FormError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import type { ImportKind } from './import-kind';

/** Step 2: choose a file, all-or-nothing or skip bad rows, start; the job runs on the server. */
export function UploadCard({ kind, onStarted }: { kind: ImportKind; onStarted: (job: ImportJob) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => kind.start(chosen, skipInvalid),
    onSuccess: (job) => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
      onStarted(job);
    },
  });

  const start = () => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    upload.mutate(file);
  };

  return (
    <Card title={t('imports.uploadTitle')} style={{ marginTop: 16 }}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setMissingFile(false);
            upload.reset();
            // Kept here, sent on 开始导入 with the chosen mode.
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.uploadDrag')}</p>
          <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
        </Upload.Dragger>
      </div>
      <Flex vertical gap={4} style={{ marginTop: 16 }}>
        <Checkbox
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.target.checked)}
          data-testid="import-skip-invalid"
        >
          {t('imports.skipInvalid')}
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 24 }}>
          {t('imports.skipInvalidHint')}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={12} style={{ marginTop: 16 }}>
        <Button type="primary" loading={upload.isPending} onClick={start} data-testid="import-start">
          {t('imports.start')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(kind.leaveHint)}
        </Typography.Text>
      </Flex>
      <FormError
        message={
          missingFile ? t('imports.fileRequired') : upload.isError ? errorMessage(upload.error, t) : null
        }
      />
    </Card>
  );
}
