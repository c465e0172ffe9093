import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../../shared/audit-actions';
import { STEP_LABELS } from '../../../shared/work-orders';
import { type AuditFilter, emptyAuditFilter } from '../../api/audit';
import { useI18n } from '../../i18n/I18nProvider';
import { endOfDay, startOfDay } from '../../lib/time';

interface FilterForm {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_PREFIXES = ['auth.', 'region.', 'user.', 'person.', 'workorder.'];
/** Every action the log may hold: picked by its name or its code, filtered by either. */
const ACTION_CODES = [
  ...Object.keys(AUDIT_ACTION_LABELS),
  ...Object.keys(STEP_LABELS).map((step) => `workorder.${step}`),
];
const TARGET_TYPES = ['user', 'region', 'route', 'person', 'import'] as const;

/** Filters apply on 查询; dates are whole days in Beijing time. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t, language } = useI18n();
  const [form] = Form.useForm<FilterForm>();

  const apply = (values: FilterForm) => {
    const [from, to] = values.dates ?? [null, null];
    onApply({
      actor: values.actor?.trim() ?? '',
      action: values.action?.trim() ?? '',
      targetType: values.targetType?.trim() ?? '',
      targetId: values.targetId?.trim() ?? '',
      from: from ? startOfDay(from) : '',
      to: to ? endOfDay(to) : '',
    });
  };

  return (
    <Form<FilterForm>
      form={form}
      layout="inline"
      onFinish={apply}
      style={{ rowGap: 12 }}
      data-testid="audit-filters"
    >
      <Form.Item name="actor">
        <Input
          allowClear
          placeholder={t('audit.actorPlaceholder')}
          style={{ width: 150 }}
          data-testid="audit-actor"
        />
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          aria-label={t('audit.actionPlaceholder')}
          style={{ width: 190 }}
          popupMatchSelectWidth={320}
          options={[
            ...ACTION_PREFIXES.map((value) => ({ value, label: value })),
            ...ACTION_CODES.map((value) => ({
              value,
              label: `${auditActionLabel(value, language)} · ${value}`,
            })),
          ]}
          filterOption={(typed, option) =>
            String(option?.label ?? '')
              .toLowerCase()
              .includes(typed.trim().toLowerCase())
          }
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="targetType">
        <AutoComplete
          allowClear
          placeholder={t('audit.targetTypePlaceholder')}
          aria-label={t('audit.targetTypePlaceholder')}
          style={{ width: 130 }}
          options={TARGET_TYPES.map((value) => ({ value, label: `${value} · ${t(`targetType.${value}`)}` }))}
        />
      </Form.Item>
      <Form.Item name="targetId">
        <Input allowClear placeholder={t('audit.targetIdPlaceholder')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="dates">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('audit.startDate'), t('audit.endDate')]}
          style={{ width: 250 }}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply(emptyAuditFilter);
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
