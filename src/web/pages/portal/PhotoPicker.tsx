import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

export const MAX_PHOTOS = 3;
const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

interface Props {
  value: UploadFile[];
  onChange: (files: UploadFile[]) => void;
}

/**
 * Up to three photos, previewed on the spot and sent after the request is created (the server
 * checks their bytes again; the type and size checks here only spare a wasted upload).
 */
export function PhotoPicker({ value, onChange }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <div data-testid="portal-photos">
      <Upload
        listType="picture-card"
        accept={TYPES.join(',')}
        multiple
        maxCount={MAX_PHOTOS}
        fileList={value}
        beforeUpload={(file) => {
          if (!TYPES.includes(file.type)) {
            void message.error(t('portal.new.photoType'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            void message.error(t('portal.new.photoTooLarge'));
            return Upload.LIST_IGNORE;
          }
          return false;
        }}
        onChange={({ fileList }) => onChange(fileList.slice(0, MAX_PHOTOS))}
        showUploadList={{ showPreviewIcon: false }}
      >
        {value.length < MAX_PHOTOS && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('portal.new.addPhoto')}</div>
          </button>
        )}
      </Upload>
    </div>
  );
}
