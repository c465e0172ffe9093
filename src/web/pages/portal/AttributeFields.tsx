import { Checkbox, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import type { PortalCategory } from '../../api/portal';
import { useI18n } from '../../i18n/I18nProvider';
import { useAttributeText } from '../../lib/attribute-names';

type Attribute = PortalCategory['attributes'][number];

function Control({ attribute }: { attribute: Attribute }) {
  const text = useAttributeText();
  const options = (attribute.values ?? []).map((v) => ({
    value: v.key,
    label: text.valueName(attribute, v.key),
  }));
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return <Radio.Group options={options} optionType="button" />;
    case 'multivaluelist':
      return <Checkbox.Group options={options} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} />;
    case 'datetime':
      return (
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      );
    case 'text':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />;
    default:
      return <Input maxLength={200} />;
  }
}

/** The extra fields of the chosen category (Open311 attributes), e.g. which care is needed. */
export function AttributeFields({ category }: { category: PortalCategory | undefined }) {
  const { t } = useI18n();
  const text = useAttributeText();
  if (!category) return null;
  return (
    <>
      {category.attributes.map((attribute) => (
        <Form.Item
          key={attribute.code}
          name={['attributes', attribute.code]}
          label={text.label(attribute)}
          rules={attribute.required ? [{ required: true, message: t('portal.new.required') }] : []}
          data-testid={`portal-attribute-${attribute.code}`}
        >
          <Control attribute={attribute} />
        </Form.Item>
      ))}
    </>
  );
}
