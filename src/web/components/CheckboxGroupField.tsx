import { Checkbox, type GetProps } from 'antd';

type Props = GetProps<typeof Checkbox.Group> & { 'aria-required'?: boolean | 'true' | 'false' };

/**
 * A Checkbox.Group as a required Form.Item's control. The Form.Item marks its control
 * aria-required, which a checkbox group (role="group") may not carry (WCAG 4.1.2, axe
 * aria-allowed-attr, issue 17): the group drops it; the field's error still says what is missing.
 */
export function CheckboxGroupField({ 'aria-required': _required, ...props }: Props) {
  return <Checkbox.Group {...props} />;
}
