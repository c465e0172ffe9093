import { PlusOutlined } from '@ant-design/icons';
import { Form, Grid, Upload, type UploadFile } from 'antd';
import { NetworkError } from '../../../api/client';
import { uploadAttachment } from '../../../api/work-orders';
import { useOnline } from '../../../components/OfflineBanner';
import { useI18n } from '../../../i18n/I18nProvider';
import { errorMessage } from '../../../lib/errors';
import { shrinkPhoto } from '../../../lib/shrink-photo';
import type { DraftPhoto } from '../../../offline/work-order-drafts';

const MAX_FILES = 9;

/** The photos chosen and ready: stored on the server already, or kept on the phone for the draft. */
export const draftPhotos = (files: UploadFile<DraftPhoto>[] | undefined): DraftPhoto[] =>
  (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response] : []));

/**
 * Photos (or a PDF) of the work done, field `files`. On a phone the button opens the camera. Every
 * photo is scaled down and encoded again in the browser first (lib/shrink-photo: under 1 MB, no GPS
 * position), given an idempotency key, and uploaded at once when there is a network; without one
 * it stays on the phone and goes with the step's draft (the same key: stored once either way).
 */
export function ResolvePhotos({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const online = useOnline();
  return (
    <Form.Item
      name="files"
      label={t('wo.resolve.photos')}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
      extra={online ? t('wo.resolve.photosHint', { maximum: MAX_FILES }) : t('phone.photo.keptOffline')}
    >
      <Upload<DraftPhoto>
        listType="picture-card"
        // A phone offers its camera directly (the gallery stays a tap away in its chooser).
        accept={phone ? 'image/*' : 'image/jpeg,image/png,image/webp,application/pdf'}
        capture={phone ? 'environment' : undefined}
        multiple
        maxCount={MAX_FILES}
        customRequest={({ file, onSuccess, onError }) => {
          const original = file as File;
          void shrinkPhoto(original).then(
            async (photo) => {
              const kept: DraftPhoto = { key: crypto.randomUUID(), name: photo.name, blob: photo };
              if (!navigator.onLine) {
                onSuccess?.(kept);
                return;
              }
              try {
                const attachment = await uploadAttachment(orderId, photo, {
                  fileName: photo.name,
                  idempotencyKey: kept.key,
                });
                onSuccess?.({ ...kept, attachmentId: attachment.id });
              } catch (error) {
                // The network failed under the upload: the photo waits on the phone with the draft.
                if (error instanceof NetworkError) onSuccess?.(kept);
                else onError?.(new Error(errorMessage(error, t)));
              }
            },
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
