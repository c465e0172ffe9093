import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Switch, Typography } from 'antd';
import { type Ref, type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { categoriesQuery } from '../../../api/service-catalogue';
import {
  type CallerPerson,
  createWorkOrder,
  type NewWorkOrder,
  refreshWorkOrders,
  similarOrdersQuery,
  type WorkOrder,
} from '../../../api/work-orders';
import { FormError } from '../../../components/FormError';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { useServerErrors } from '../../../lib/form-errors';
import { AttributeFields, attributeValues } from '../AttributeFields';
import { CategorySelect } from '../CategorySelect';
import { useCategoryName } from '../category-name';
import { StatusTag } from '../OrderTags';
import { RegionPath } from '../RegionPath';
import type { IntakeChannel } from './CallerCard';
import { focusFirstIn, focusTestId } from './focus';
import { enterMovesOn } from './keyboard';

interface OrderFormValues {
  categoryCode?: string;
  attributes?: Record<string, unknown>;
  regionCode?: string;
  address?: string;
  description?: string;
  contactName?: string;
  contactPhone?: string;
  urgent?: boolean;
}

const FIELDS = [
  'categoryCode',
  'regionCode',
  'address',
  'description',
  'contactName',
  'contactPhone',
] as const;

interface Props {
  channel: IntakeChannel;
  hotlineId: string | undefined;
  /** The caller's number as looked up; it becomes the contact number. */
  phone: string;
  selected: CallerPerson | null;
  onClearSelected: () => void;
  onCreated: (order: WorkOrder) => void;
  categoryRef: Ref<{ focus: () => void }>;
  /** Set to this form's submit, for Ctrl+Enter pressed outside the form. */
  submitRef: RefObject<(() => void) | null>;
}

/**
 * Right side of the console: what the call is about (category and its questions), where (the
 * chosen resident's home, or a place picked in the tree), the description, the contact and
 * urgency. Open orders of the same category at the same household or place are shown before
 * submitting.
 */
export function OrderForm({
  channel,
  hotlineId,
  phone,
  selected,
  onClearSelected,
  onCreated,
  categoryRef,
  submitRef,
}: Props) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrderFormValues>();
  const { formError, clearFormError, onServerError } = useServerErrors(form, FIELDS);
  const categories = useQuery(categoriesQuery);
  const categoryCode = Form.useWatch('categoryCode', form);
  const regionCode = Form.useWatch('regionCode', form);
  const category = categories.data?.find((c) => c.code === categoryCode);
  const attributes = category?.attributes ?? [];

  // The caller's number and name fill the contact, unless the operator typed something else
  // there (a field still holding what was filled in last is theirs to overwrite).
  const filled = useRef({ contactPhone: '', contactName: '' });
  const fill = useCallback(
    (name: 'contactPhone' | 'contactName', value: string) => {
      const current = (form.getFieldValue(name) as string | undefined) ?? '';
      if (current !== '' && current !== filled.current[name]) return;
      filled.current[name] = value;
      form.setFieldValue(name, value);
    },
    [form],
  );
  useEffect(() => fill('contactPhone', phone), [fill, phone]);
  useEffect(() => fill('contactName', selected?.name ?? ''), [fill, selected]);

  const similarInput = useMemo(() => {
    if (!categoryCode) return null;
    if (selected) {
      return {
        categoryCode,
        regionCode: selected.regionCode,
        householdId: selected.householdId ?? undefined,
      };
    }
    return regionCode ? { categoryCode, regionCode } : null;
  }, [categoryCode, regionCode, selected]);
  const similar = useQuery(similarOrdersQuery(similarInput));

  const create = useMutation({
    mutationFn: createWorkOrder,
    onSuccess: async (order) => {
      form.resetFields();
      onCreated(order);
      await refreshWorkOrders(queryClient);
    },
    onError: (error) => {
      // Attribute problems name `attributes.<code>`: put them on those fields.
      if (error instanceof ApiError) {
        const onAttributes = error.fields.filter((f) => f.path.startsWith('attributes.'));
        form.setFields(
          onAttributes.map((f) => ({
            name: ['attributes', f.path.slice('attributes.'.length)],
            errors: [f.message],
          })),
        );
        const rest = error.fields.filter((f) => !f.path.startsWith('attributes.'));
        if (onAttributes.length > 0 && rest.length === 0) return;
        onServerError(new ApiError(error.status, error.code, error.message, error.requestId, rest));
        return;
      }
      onServerError(error);
    },
  });

  const submit = (values: OrderFormValues) => {
    clearFormError();
    const body: NewWorkOrder = {
      categoryCode: values.categoryCode!,
      description: values.description!.trim(),
      channel,
      attributes: attributeValues(attributes, values.attributes),
      urgent: values.urgent ?? false,
    };
    if (channel === 'hotline' && hotlineId) body.hotlineId = hotlineId;
    if (selected) {
      body.personId = selected.id;
      if (selected.householdId) body.householdId = selected.householdId;
    } else {
      body.regionCode = values.regionCode!;
    }
    if (values.address?.trim()) body.address = values.address.trim();
    if (values.contactName?.trim()) body.contactName = values.contactName.trim();
    if (values.contactPhone?.trim()) body.contactPhone = values.contactPhone.trim();
    create.mutate(body);
  };

  const duplicates = similar.data ?? [];

  useEffect(() => {
    submitRef.current = () => form.submit();
    return () => {
      submitRef.current = null;
    };
  }, [submitRef, form]);

  // A category just picked: the focus goes to its first question, or on to the place (no resident
  // chosen) or the description, once those fields are on the page.
  const categoryPicked = useRef(false);
  const afterCategory = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the new category's fields are rendered
  useEffect(() => {
    if (!categoryPicked.current) return;
    categoryPicked.current = false;
    requestAnimationFrame(() => {
      if (focusFirstIn(afterCategory.current)) return;
      focusTestId(selected ? 'console-description' : 'console-region');
    });
  }, [categoryCode, attributes, selected]);

  return (
    <Card title={t('wo.console.newOrder')} data-testid="console-form">
      <Form<OrderFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ urgent: false }}
        onKeyDown={(event) => enterMovesOn(event, () => form.submit())}
        onValuesChange={(changed: OrderFormValues) => {
          if ('categoryCode' in changed && changed.categoryCode) categoryPicked.current = true;
        }}
      >
        <Form.Item
          name="categoryCode"
          label={t('wo.category')}
          rules={[{ required: true, message: t('wo.categoryRequired') }]}
          extra={
            category &&
            t('wo.console.categoryHint', {
              unit: t(`kind.${category.handlerKind}`),
              days: category.resolveDays,
            })
          }
        >
          <CategorySelect selectRef={categoryRef} testId="console-category" />
        </Form.Item>
        <div ref={afterCategory}>
          <AttributeFields attributes={attributes} />
        </div>

        {selected ? (
          <Form.Item label={t('wo.place')}>
            <Alert
              type="info"
              data-testid="console-place"
              title={
                <span>
                  {t('wo.console.placeOf', { name: selected.name })}
                  <RegionPath code={selected.regionCode} />
                  {selected.address && ` · ${selected.address}`}
                </span>
              }
              action={
                <Button size="small" onClick={onClearSelected}>
                  {t('wo.console.otherPlace')}
                </Button>
              }
            />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="regionCode"
                label={t('wo.place')}
                rules={[{ required: true, message: t('wo.placeRequired') }]}
                extra={t('wo.console.placeHint')}
              >
                <RegionTreeSelect testId="console-region" placeholder={t('wo.console.regionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="address" label={t('wo.address')}>
                <Input
                  maxLength={200}
                  placeholder={t('wo.console.addressPlaceholder')}
                  data-testid="console-address"
                />
              </Form.Item>
            </Col>
          </Row>
        )}

        {duplicates.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="console-duplicates"
            title={t('wo.console.duplicates', { count: duplicates.length })}
            description={duplicates.map((order) => (
              <div key={order.id}>
                <Link to={`/work-orders/${order.id}`} target="_blank">
                  {order.number}
                </Link>{' '}
                {categoryName(order)} · {order.regionName} <StatusTag status={order.status} />
                <Typography.Text type="secondary"> {order.description.slice(0, 40)}</Typography.Text>
              </div>
            ))}
          />
        )}

        <Form.Item
          name="description"
          label={t('wo.description')}
          rules={[{ required: true, whitespace: true, message: t('wo.descriptionRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('wo.console.descriptionPlaceholder')}
            data-testid="console-description"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item name="contactName" label={t('wo.contactName')}>
              <Input maxLength={50} data-testid="console-contact-name" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name="contactPhone" label={t('wo.contactPhone')}>
              <Input maxLength={20} inputMode="tel" data-testid="console-contact-phone" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="urgent" label={t('wo.urgent')} valuePropName="checked">
              <Switch data-testid="console-urgent" />
            </Form.Item>
          </Col>
        </Row>
        <FormError message={formError} />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={create.isPending}
          data-testid="console-submit"
        >
          {duplicates.length > 0 ? t('wo.console.submitAnyway') : t('wo.console.submit')}
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }} data-testid="console-keyboard-hint">
          {t('wo.console.keyboardHint')}
        </Typography.Text>
      </Form>
    </Card>
  );
}
