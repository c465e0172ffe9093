import { Alert } from 'antd';

/** A server error that belongs to no single field, shown at the bottom of a form. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={{ marginTop: 8 }} data-testid="form-error" />;
}
