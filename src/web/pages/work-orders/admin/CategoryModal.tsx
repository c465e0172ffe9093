import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { type CategoryAttribute, HANDLER_KINDS, type HandlerKind } from '../../../../shared/work-orders';
import {
  type CategoryInput,
  catalogueKeys,
  createCategory,
  type ServiceCategory,
  updateCategory,
} from '../../../api/service-catalogue';
import { FormModal, useModalForm } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/I18nProvider';
import { AttributesEditor } from './AttributesEditor';
import type { OwnDistrict } from './own-districts';

interface CategoryForm {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  handlerKind: HandlerKind;
  signHours: number;
  resolveDays: number;
  proxy: boolean;
  keywords?: string;
  active: boolean;
  sort: number;
  attributes?: Omit<CategoryAttribute, 'order'>[];
  /** For a new entry: '' shared by the installation, else the district whose own it is. */
  districtCode: string;
}

const FIELDS = [
  'code',
  'name',
  'nameEn',
  'description',
  'handlerKind',
  'signHours',
  'resolveDays',
  'keywords',
  'sort',
  'districtCode',
] as const;

/** Where the modal was opened: editing a category, or a new one under a group (or a new group). */
export type CategoryTarget = { edit: ServiceCategory } | { parent: ServiceCategory | null };

/** Create or edit a catalogue entry: names, the handling unit, time limits, keywords, its questions. */
export function CategoryModal({
  target,
  districts,
  onClose,
}: {
  target: CategoryTarget;
  /** The districts the user may add own entries to (see `own-districts.ts`). */
  districts: readonly OwnDistrict[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { form, formError, run } = useModalForm<CategoryForm>(FIELDS, onClose);
  const editing = 'edit' in target ? target.edit : null;
  const parent = 'parent' in target ? target.parent : null;

  const save = useMutation({
    mutationFn: (values: CategoryForm) => {
      const input: CategoryInput = {
        name: values.name.trim(),
        nameEn: values.nameEn?.trim() ?? '',
        description: values.description?.trim() ?? '',
        handlerKind: values.handlerKind,
        signHours: values.signHours,
        resolveDays: values.resolveDays,
        proxy: values.proxy,
        keywords: values.keywords?.trim() ?? '',
        sort: values.sort,
        active: values.active,
        attributes: (values.attributes ?? []).map((attribute, index) => ({
          ...attribute,
          required: attribute.required ?? false,
          order: index + 1,
          ...(attribute.values ? { values: attribute.values } : {}),
        })),
      };
      return editing
        ? updateCategory(editing.code, input)
        : createCategory({
            ...input,
            code: values.code.trim(),
            ...(parent ? { parentCode: parent.code } : {}),
            ...(values.districtCode ? { districtCode: values.districtCode } : {}),
          });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.categories }),
  });

  const title = editing
    ? t('wo.admin.editCategory', { name: editing.name })
    : parent
      ? t('wo.admin.newCategoryIn', { name: parent.name })
      : t('wo.admin.newGroup');

  return (
    <FormModal<CategoryForm>
      width={760}
      title={title}
      form={form}
      formError={formError}
      pending={save.isPending}
      onFinish={(values) => run(save, values, () => t('wo.admin.saved'))}
      onClose={onClose}
      initialValues={
        editing
          ? {
              ...editing,
              attributes: [...editing.attributes].sort((a, b) => a.order - b.order),
            }
          : {
              code: parent ? `${parent.code}.` : '',
              handlerKind: parent?.handlerKind ?? 'community',
              signHours: 2,
              resolveDays: 3,
              proxy: false,
              active: true,
              sort: 0,
              attributes: [],
              // Under a district's own group, a new entry is that district's too.
              districtCode: parent?.districtCode ?? '',
            }
      }
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('wo.admin.code')}
            rules={[
              { required: true, message: t('wo.admin.codeRequired') },
              { pattern: /^[a-z][a-z0-9_.]*$/, message: t('wo.admin.codePattern') },
            ]}
          >
            <Input maxLength={40} disabled={editing !== null} data-testid="category-code" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="name"
            label={t('wo.admin.name')}
            rules={[{ required: true, whitespace: true, message: t('wo.admin.nameRequired') }]}
          >
            <Input maxLength={50} data-testid="category-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="nameEn" label={t('wo.admin.nameEn')}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="handlerKind" label={t('wo.admin.handlerKind')}>
            <Select options={HANDLER_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="signHours" label={t('wo.admin.signHours')} rules={[{ required: true }]}>
            <InputNumber
              min={1}
              max={72}
              precision={0}
              suffix={t('wo.admin.hours')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="resolveDays"
            label={t('wo.admin.resolveDays')}
            rules={[{ required: true }]}
            tooltip={t('wo.admin.resolveDaysHint')}
          >
            <InputNumber
              min={0}
              max={60}
              precision={0}
              suffix={t('wo.workingDays')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name="proxy" label={t('wo.admin.proxy')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name="active" label={t('wo.admin.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={18}>
          <Form.Item name="keywords" label={t('wo.admin.keywords')} extra={t('wo.admin.keywordsHint')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sort" label={t('wo.admin.sort')}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {!editing && (districts.length > 0 || parent?.districtCode) && (
        <Form.Item name="districtCode" label={t('wo.district.owner')}>
          <Select
            disabled={Boolean(parent?.districtCode)}
            options={[
              ...(parent?.districtCode ? [] : [{ value: '', label: t('wo.district.sharedCatalogue') }]),
              ...districts.map((d) => ({ value: d.code, label: d.name })),
              ...(parent?.districtCode && !districts.some((d) => d.code === parent.districtCode)
                ? [{ value: parent.districtCode, label: parent.districtCode }]
                : []),
            ]}
            data-testid="category-owner"
          />
        </Form.Item>
      )}
      <Form.Item name="description" label={t('wo.admin.description')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Divider titlePlacement="start">{t('wo.admin.attributes')}</Divider>
      <AttributesEditor />
    </FormModal>
  );
}
