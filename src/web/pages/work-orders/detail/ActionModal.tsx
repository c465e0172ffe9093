import { Alert, Form, Input, InputNumber, Modal, Radio, type UploadFile } from 'antd';
import { SATISFACTION, type Satisfaction, type WorkOrderAction } from '../../../../shared/work-orders';
import { isApiError } from '../../../api/client';
import type { ActionBody, WorkOrder } from '../../../api/work-orders';
import { FormError } from '../../../components/FormError';
import { useI18n } from '../../../i18n/I18nProvider';
import { renameFieldPaths, useServerErrors } from '../../../lib/form-errors';
import { type DraftPhoto, isDraftable } from '../../../offline/work-order-drafts';
import { useWorkOrderLabels } from '../labels';
import { DispatchTarget, type TargetKind } from './DispatchTarget';
import { draftPhotos, ResolvePhotos } from './ResolvePhotos';
import { useDraftableStep, useWorkOrderAction } from './useWorkOrderAction';

interface StepForm {
  note?: string;
  targetKind?: TargetKind;
  target?: string;
  days?: number;
  approve?: boolean;
  satisfaction?: Satisfaction;
  files?: UploadFile<DraftPhoto>[];
}

/** Steps whose note says why and is required (as in the server's transition table). */
const NOTE_REQUIRED: readonly WorkOrderAction[] = [
  'answer',
  'return',
  'reject_return',
  'extend',
  'reject_extension',
  'resolve',
  'comment',
];

/** The explanation shown above each step's form. */
const HINT_KEYS = {
  answer: 'wo.hint.answer',
  dispatch: 'wo.hint.dispatch',
  return: 'wo.hint.return',
  extend: 'wo.hint.extend',
  resolve: 'wo.hint.resolve',
  review: 'wo.hint.review',
  callback: 'wo.hint.callback',
  urge: 'wo.hint.urge',
  supervise: 'wo.hint.supervise',
} as const;

interface Props {
  order: WorkOrder;
  action: WorkOrderAction;
  onClose: () => void;
  /** After the step succeeded, with the order as it is now. */
  onDone?: (order: WorkOrder) => void;
}

/**
 * The dialog of one step: a note (required where the rules say so, or when sending back / the
 * resident is unsatisfied), and what the step needs — where to dispatch, how many days, photos
 * of the work, the review's verdict, the resident's satisfaction. Sends the version the user saw.
 * A resolution or a note typed without network is kept as a draft and sent when it returns.
 */
export function ActionModal({ order, action, onClose, onDone }: Props) {
  const { t } = useI18n();
  const labels = useWorkOrderLabels();
  const [form] = Form.useForm<StepForm>();
  const act = useWorkOrderAction(order.id);
  const draftable = useDraftableStep(order);
  const { formError, clearFormError, onServerError } = useServerErrors(form, [
    'note',
    'days',
    'approve',
    'satisfaction',
    'target',
  ]);
  const approve = Form.useWatch('approve', form);
  const satisfaction = Form.useWatch('satisfaction', form);
  const files = Form.useWatch('files', form);
  const uploading = (files ?? []).some((file) => file.status === 'uploading');
  const noteRequired =
    NOTE_REQUIRED.includes(action) ||
    (action === 'review' && approve === false) ||
    (action === 'callback' && satisfaction === 'unsatisfied');

  const submit = (values: StepForm) => {
    clearFormError();
    const body: ActionBody = { action, version: order.version };
    if (values.note?.trim()) body.note = values.note.trim();
    if (action === 'dispatch' && values.target) {
      if (values.targetKind === 'user') body.assigneeUserId = values.target;
      else if (values.targetKind === 'member') body.assigneeMemberId = values.target;
      else body.targetRegionCode = values.target;
    }
    if (action === 'extend') body.days = values.days!;
    if (action === 'review') body.approve = values.approve!;
    if (action === 'callback') body.satisfaction = values.satisfaction!;
    const onError = (error: Error) => {
      // A conflict was reported and the order reloaded: this dialog's view of it is stale.
      if (isApiError(error, 409)) {
        onClose();
        return;
      }
      onServerError(
        renameFieldPaths(error, {
          targetRegionCode: 'target',
          assigneeUserId: 'target',
          assigneeMemberId: 'target',
        }),
      );
    };
    if (isDraftable(action)) {
      const photos = action === 'resolve' ? draftPhotos(values.files) : [];
      draftable.mutate(
        { action, body, photos },
        {
          onSuccess: (result) => {
            if (result !== 'kept') onDone?.(result.sent);
            onClose();
          },
          onError,
        },
      );
      return;
    }
    act.mutate(body, {
      onSuccess: (updated) => {
        onDone?.(updated);
        onClose();
      },
      onError,
    });
  };

  const hintKey = HINT_KEYS[action as keyof typeof HINT_KEYS];
  return (
    <Modal
      open
      title={`${labels.action(action)} · ${order.number}`}
      okText={labels.action(action)}
      okButtonProps={{ disabled: uploading }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={act.isPending || draftable.isPending}
    >
      {hintKey && <Alert type="info" showIcon title={t(hintKey)} style={{ marginBottom: 16 }} />}
      <Form<StepForm> form={form} layout="vertical" onFinish={submit}>
        {action === 'dispatch' && <DispatchTarget orderId={order.id} />}
        {action === 'extend' && (
          <Form.Item
            name="days"
            label={t('wo.extend.days')}
            rules={[{ required: true, message: t('wo.extend.daysRequired') }]}
          >
            <InputNumber
              min={1}
              max={30}
              precision={0}
              suffix={t('wo.workingDays')}
              data-testid="extend-days"
            />
          </Form.Item>
        )}
        {action === 'review' && (
          <Form.Item
            name="approve"
            label={t('wo.review.verdict')}
            rules={[{ required: true, message: t('wo.review.verdictRequired') }]}
          >
            <Radio.Group
              options={[
                { value: true, label: <span data-testid="review-approve">{t('wo.review.approve')}</span> },
                {
                  value: false,
                  label: <span data-testid="review-send-back">{t('wo.review.sendBack')}</span>,
                },
              ]}
            />
          </Form.Item>
        )}
        {action === 'callback' && (
          <Form.Item
            name="satisfaction"
            label={t('wo.callback.satisfaction')}
            rules={[{ required: true, message: t('wo.callback.satisfactionRequired') }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={SATISFACTION.map((value) => ({
                value,
                label: <span data-testid={`satisfaction-${value}`}>{labels.satisfaction(value)}</span>,
              }))}
            />
          </Form.Item>
        )}
        {order.pendingExtension && (action === 'approve_extension' || action === 'reject_extension') && (
          <Alert
            type="warning"
            style={{ marginBottom: 16 }}
            title={t('wo.extend.pending', {
              days: order.pendingExtension.days,
              reason: order.pendingExtension.reason,
            })}
          />
        )}
        <Form.Item
          name="note"
          label={action === 'resolve' ? t('wo.resolve.note') : t('wo.note')}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('wo.noteRequired') }] : []}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            autoFocus={action !== 'dispatch'}
            data-testid="action-note"
          />
        </Form.Item>
        {action === 'resolve' && <ResolvePhotos orderId={order.id} />}
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
