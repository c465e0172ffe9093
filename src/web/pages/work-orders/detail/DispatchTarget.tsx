import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Radio, Select, Typography } from 'antd';
import { dispatchOptionsQuery } from '../../../api/work-orders';
import { useI18n } from '../../../i18n/I18nProvider';
import { isMessageKey } from '../../../i18n/translate';
import { errorMessage } from '../../../lib/errors';

export type TargetKind = 'unit' | 'user' | 'member';

/**
 * Where to send an order: a unit down the tree that covers the place, a staff member of the
 * holding unit, or a member with an account. Fields: `targetKind` and `target`.
 */
export function DispatchTarget({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const options = useQuery(dispatchOptionsQuery(orderId));
  const form = Form.useFormInstance();
  const kind = Form.useWatch<TargetKind | undefined>('targetKind', form);

  if (options.isError) return <Alert type="error" showIcon title={errorMessage(options.error, t)} />;
  const data = options.data ?? { units: [], users: [], members: [] };
  const roleName = (role: string) => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
  const kindName = (unitKind: string) => {
    const key = `kind.${unitKind}`;
    return isMessageKey(key) ? t(key) : unitKind;
  };
  const choices =
    kind === 'user'
      ? data.users.map((u) => ({ value: u.id, label: `${u.displayName}（${roleName(u.role)}）` }))
      : kind === 'member'
        ? data.members.map((m) => ({ value: m.id, label: m.name }))
        : data.units.map((u) => ({ value: u.code, label: `${u.name}（${kindName(u.kind)}）` }));

  return (
    <>
      <Form.Item name="targetKind" label={t('wo.dispatch.to')} initialValue="unit">
        <Radio.Group
          onChange={() => form.setFieldValue('target', undefined)}
          options={[
            { value: 'unit', label: <span data-testid="dispatch-kind-unit">{t('wo.dispatch.unit')}</span> },
            { value: 'user', label: <span data-testid="dispatch-kind-user">{t('wo.dispatch.user')}</span> },
            {
              value: 'member',
              label: <span data-testid="dispatch-kind-member">{t('wo.dispatch.member')}</span>,
            },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="target"
        rules={[{ required: true, message: t('wo.dispatch.targetRequired') }]}
        extra={
          choices.length === 0 && !options.isPending ? (
            <Typography.Text type="secondary">{t('wo.dispatch.noChoices')}</Typography.Text>
          ) : undefined
        }
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={options.isPending}
          options={choices}
          placeholder={t('wo.dispatch.targetPlaceholder')}
          data-testid="dispatch-target"
        />
      </Form.Item>
    </>
  );
}
