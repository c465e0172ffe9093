import { PlusOutlined } from '@ant-design/icons';
import { Form, Grid, Upload, type UploadFile } from 'antd';
import { uploadAttachment, type WorkOrderAttachment } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';
import { shrinkPhoto } from '../../../lib/shrink-photo';

const MAX_FILES = 9;

/** The attachment ids of the files that finished uploading. */
export const uploadedIds = (files: UploadFile<WorkOrderAttachment>[] | undefined): string[] =>
  (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));

/**
 * Photos (or a PDF) of the work done, uploaded as soon as they are chosen; the step that follows
 * names their ids. Field `files`. On a phone the button opens the camera. Every photo is scaled
 * down and encoded again in the browser first (lib/shrink-photo: under 1 MB, no GPS position).
 */
export function ResolvePhotos({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
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
        // A phone offers its camera directly (the gallery stays a tap away in its chooser).
        accept={phone ? 'image/*' : 'image/jpeg,image/png,image/webp,application/pdf'}
        capture={phone ? 'environment' : undefined}
        multiple
        maxCount={MAX_FILES}
        customRequest={({ file, onSuccess, onError }) => {
          const original = file as File;
          void shrinkPhoto(original).then(
            (photo) =>
              uploadAttachment(orderId, photo).then(
                (attachment) => onSuccess?.(attachment),
                (error: unknown) => onError?.(new Error(errorMessage(error, t))),
              ),
            () => onError?.(new Error(t('phone.photo.failed', { name: original.name }))),
          );
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
