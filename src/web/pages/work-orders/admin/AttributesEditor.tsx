import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { ATTRIBUTE_TYPES, type AttributeType } from '../../../../shared/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';

const LIST_TYPES: readonly AttributeType[] = ['singlevaluelist', 'multivaluelist'];

/** The value list of one list attribute: key and display name per value. */
function ValuesList({ field }: { field: number }) {
  const { t } = useI18n();
  return (
    <Form.List name={[field, 'values']}>
      {(values, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {values.map((value) => (
            <Space key={value.key} align="baseline">
              <Form.Item
                name={[value.name, 'key']}
                rules={[{ required: true, message: t('wo.admin.valueKeyRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Input placeholder={t('wo.admin.valueKey')} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                name={[value.name, 'name']}
                rules={[{ required: true, message: t('wo.admin.valueNameRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <Input placeholder={t('wo.admin.valueName')} style={{ width: 160 }} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(value.name)} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '' })}>
            {t('wo.admin.addValue')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/**
 * A category's own questions (Open311 attributes): code, datatype, label, whether required, and
 * for lists their values. Field `attributes`; their order is the order shown here.
 */
export function AttributesEditor() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <Form.List name="attributes">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="attributes-editor">
          {fields.map((field) => (
            <Card key={field.key} size="small">
              <Row gutter={8}>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('wo.admin.attributeCode')}
                    rules={[
                      { required: true, message: t('wo.admin.codeRequired') },
                      { pattern: /^[a-z][a-z0-9_]*$/, message: t('wo.admin.codePattern') },
                    ]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('wo.admin.attributeLabel')}
                    rules={[{ required: true, message: t('wo.admin.attributeLabelRequired') }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'datatype']} label={t('wo.admin.datatype')}>
                    <Select
                      options={ATTRIBUTE_TYPES.map((type) => ({
                        value: type,
                        label: t(`wo.datatype.${type}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item
                    name={[field.name, 'required']}
                    label={t('wo.admin.required')}
                    valuePropName="checked"
                  >
                    <Checkbox />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  LIST_TYPES.includes(
                    form.getFieldValue(['attributes', field.name, 'datatype']) as AttributeType,
                  ) ? (
                    <Form.Item label={t('wo.admin.values')}>
                      <ValuesList field={field.name} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', description: '', datatype: 'string', required: false })}
          >
            {t('wo.admin.addAttribute')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
