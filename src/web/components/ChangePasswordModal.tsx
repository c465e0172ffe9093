import { App, Modal } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { ChangePasswordForm, usePasswordChange } from './ChangePasswordForm';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { form, formError, clearFormError, mutation } = usePasswordChange(() => {
    void message.success(t('password.changed'));
    onClose();
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      afterClose={() => {
        form.resetFields();
        clearFormError();
      }}
    >
      <ChangePasswordForm form={form} formError={formError} onSubmit={(values) => mutation.mutate(values)} />
    </Modal>
  );
}
