import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useServerErrors } from '../lib/form-errors';
import { FormError } from './FormError';

/**
 * The state of a one-purpose form in a modal: the antd form, the server's message that belongs
 * to no field, and `run`, which sends the form through a mutation — success says so and closes
 * the modal, failure puts the server's problems on the fields (or above the buttons) and keeps
 * it open.
 */
export function useModalForm<T>(fieldNames: readonly (keyof T & string)[], onClose: () => void) {
  const [form] = Form.useForm<T>();
  const { message } = App.useApp();
  const { formError, clearFormError, onServerError } = useServerErrors(form, fieldNames);
  const run = <Input, Output>(
    mutation: UseMutationResult<Output, Error, Input>,
    input: Input,
    /**
     * What to say on success; null when the page itself shows the result (a new row, the issued
     * key). It may also act on the result first, e.g. hand it to the caller or open the new record.
     */
    done: (result: Output) => string | null,
    /** Renames the server's field paths to the form's before they are shown (see renameFieldPaths). */
    mapError: (error: unknown) => unknown = (error) => error,
  ) => {
    clearFormError();
    mutation.mutate(input, {
      onSuccess: (result) => {
        const text = done(result);
        if (text !== null) void message.success(text);
        onClose();
      },
      onError: (error) => onServerError(mapError(error)),
    });
  };
  return { form, formError, run };
}

interface FormModalProps<T> {
  title: ReactNode;
  form: FormInstance<T>;
  formError: string | null;
  pending: boolean;
  onFinish: (values: T) => void;
  onClose: () => void;
  initialValues?: FormProps<T>['initialValues'];
  onValuesChange?: (changed: Partial<T>, all: T) => void;
  /** Defaults to 保存 / Save. */
  okText?: string;
  /** e.g. `danger` for an irreversible action, a data-testid the e2e suites click. */
  okButtonProps?: ModalProps['okButtonProps'];
  /** For a form wider than the default 520 px (several fields side by side). */
  width?: number;
  /** `off` where the browser must not fill in a user's own saved credentials (another's account). */
  autoComplete?: string;
  children: ReactNode;
}

/**
 * A vertical form in a modal, mounted only while open: OK submits the form, the server's message
 * for no single field shows above the buttons. Every one-purpose form modal is built on it.
 */
export function FormModal<T>({
  title,
  form,
  formError,
  pending,
  onFinish,
  onClose,
  initialValues,
  onValuesChange,
  okText,
  okButtonProps,
  width,
  autoComplete,
  children,
}: FormModalProps<T>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={okButtonProps}
      width={width}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
    >
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        autoComplete={autoComplete}
      >
        {children}
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
