import { DatePicker, Descriptions, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CategoryAttribute } from '../../../shared/work-orders';
import { useI18n } from '../../i18n/I18nProvider';
import { useAttributeText } from '../../lib/attribute-names';
import { formatTime } from '../../lib/time';

const ordered = (attributes: readonly CategoryAttribute[]) =>
  [...attributes].sort((a, b) => a.order - b.order);

function AttributeInput({ attribute }: { attribute: CategoryAttribute }) {
  const text = useAttributeText();
  const options = (attribute.values ?? []).map((v) => ({
    value: v.key,
    label: text.valueName(attribute, v.key),
  }));
  const testId = `attribute-${attribute.code}`;
  switch (attribute.datatype) {
    case 'string':
      return <Input maxLength={200} data-testid={testId} />;
    case 'text':
      return <Input.TextArea rows={2} maxLength={2000} data-testid={testId} />;
    case 'number':
      return <InputNumber style={{ width: 200 }} data-testid={testId} />;
    case 'datetime':
      return <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid={testId} />;
    case 'singlevaluelist':
      return <Select options={options} allowClear data-testid={testId} />;
    case 'multivaluelist':
      return <Select mode="multiple" options={options} allowClear data-testid={testId} />;
  }
}

/**
 * A category's own questions as form fields (Open311 attributes), under `attributes.<code>`,
 * each by its datatype; required ones are marked and checked before the server sees them.
 */
export function AttributeFields({ attributes }: { attributes: readonly CategoryAttribute[] }) {
  const { t } = useI18n();
  const text = useAttributeText();
  return ordered(attributes).map((attribute) => (
    <Form.Item
      key={attribute.code}
      name={['attributes', attribute.code]}
      label={text.label(attribute)}
      rules={attribute.required ? [{ required: true, message: t('wo.attributeRequired') }] : []}
    >
      <AttributeInput attribute={attribute} />
    </Form.Item>
  ));
}

/** Form values → the API's: dates as ISO datetimes, empty answers left out. */
export function attributeValues(
  attributes: readonly CategoryAttribute[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const value = values?.[attribute.code];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[attribute.code] = attribute.datatype === 'datetime' ? (value as Dayjs).toISOString() : value;
  }
  return result;
}

/** An order's answers as a read-only list, value keys shown by their names. */
export function AttributeValues({
  attributes,
  values,
}: {
  attributes: readonly CategoryAttribute[];
  values: Record<string, unknown>;
}) {
  const text = useAttributeText();
  const shown = ordered(attributes).filter((a) => values[a.code] !== undefined);
  if (shown.length === 0) return null;
  const display = (attribute: CategoryAttribute, value: unknown): string => {
    const nameOf = (key: unknown) => text.valueName(attribute, key);
    if (Array.isArray(value)) return value.map(nameOf).join(text.separator);
    if (attribute.datatype === 'datetime' && typeof value === 'string') return formatTime(value);
    return attribute.values ? nameOf(value) : String(value);
  };
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="order-attributes"
      items={shown.map((attribute) => ({
        key: attribute.code,
        label: text.label(attribute),
        children: display(attribute, values[attribute.code]),
      }))}
    />
  );
}
