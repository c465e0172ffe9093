import { PlusOutlined } from '@ant-design/icons';
import { Form, Upload, type UploadFile } from 'antd';
import { uploadAttachment, type WorkOrderAttachment } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';

const MAX_FILES = 9;

/** The attachment ids of the files that finished uploading. */
export const uploadedIds = (files: UploadFile<WorkOrderAttachment>[] | undefined): string[] =>
  (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));

/**
 * Photos (or a PDF) of the work done, uploaded as soon as they are chosen; the step that follows
 * names their ids. Field `files`.
 */
export function ResolvePhotos({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="files"
      label={t('wo.resolve.photos')}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
      extra={t('wo.resolve.photosHint', { maximum: MAX_FILES })}
    >
      <Upload<WorkOrderAttachment>
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        multiple
        maxCount={MAX_FILES}
        customRequest={({ file, onSuccess, onError }) => {
          uploadAttachment(orderId, file as File)
            .then((attachment) => onSuccess?.(attachment))
            .catch((error: unknown) => onError?.(new Error(errorMessage(error, t))));
        }}
        data-testid="resolve-photos"
      >
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{t('wo.resolve.addPhoto')}</div>
        </div>
      </Upload>
    </Form.Item>
  );
}
