import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, type FormInstance, type FormProps, Modal } from 'antd';
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
    done: (result: Output) => string,
    /** Renames the server's field paths to the form's before they are shown (see renameFieldPaths). */
    mapError: (error: unknown) => unknown = (error) => error,
  ) => {
    clearFormError();
    mutation.mutate(input, {
      onSuccess: (result) => {
        void message.success(done(result));
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
  children,
}: FormModalProps<T>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
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
      >
        {children}
        <FormError message={formError} />
      </Form>
    </Modal>
  );
}
