import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { publishPublicDescription, refreshWorkOrders, type WorkOrderDetail } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { useServerErrors } from '../../../lib/form-errors';
import { hasPermissionIn } from '../../../session/permissions';
import { useMe } from '../../../session/useMe';

interface PublicForm {
  text: string;
}

/**
 * What Open311 shows the public as this order's description: nothing unless staff publish a text
 * here (or the resident chose to publish their own, screened). Dispatchers of the order's region
 * may publish, change or withdraw it; the server refuses a text with personal data in it.
 */
export function PublicDescription({ order }: { order: WorkOrderDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const canPublish = hasPermissionIn(me, 'workorder.dispatch', order.regionCode);
  return (
    <div data-testid="order-public-description">
      {order.publicDescription ? (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{order.publicDescription}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('wo.public.none')}</Typography.Text>
      )}
      {canPublish && (
        <Button type="link" size="small" onClick={() => setOpen(true)} data-testid="edit-public-description">
          {order.publicDescription ? t('wo.public.edit') : t('wo.public.publish')}
        </Button>
      )}
      {open && <PublicDescriptionModal order={order} onClose={() => setOpen(false)} />}
    </div>
  );
}

function PublicDescriptionModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PublicForm>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, ['text']);
  const save = useMutation({
    mutationFn: (values: PublicForm) => publishPublicDescription(order.id, values.text.trim()),
    onSuccess: async (_, values) => {
      void message.success(values.text.trim() ? t('wo.public.published') : t('wo.public.withdrawn'));
      await refreshWorkOrders(queryClient);
      onClose();
    },
    onError: onServerError,
  });
  return (
    <Modal
      open
      title={t('wo.public.title')}
      okText={t('wo.public.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'public-description-save' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('wo.public.hint')}</Typography.Paragraph>
      <Form<PublicForm>
        form={form}
        layout="vertical"
        initialValues={{ text: order.publicDescription ?? '' }}
        onValuesChange={clearFormError}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="text" label={t('wo.public.label')} rules={[{ max: 1000 }]}>
          {/* The count says when a pasted text reaches the limit: past it the box cuts it off silently. */}
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={1000}
            showCount
            data-testid="public-description-text"
          />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
