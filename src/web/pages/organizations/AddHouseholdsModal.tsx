import { useQuery } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { neighbourMapQuery } from '../../api/households';
import type { Organization } from '../../api/organization-types';
import { regionQuery } from '../../api/regions';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { placeOf } from '../households/place';
import { useAddHouseholds } from './useOrganizationMutations';

type Mode = 'entrance' | 'households';

interface HouseholdsForm {
  mode: Mode;
  buildingCode: string;
  unit?: string;
  householdIds?: string[];
}

/** 添加住户 to a warm group: a building entrance (楼栋 + 单元) at once, or chosen households. */
export function AddHouseholdsModal({
  organization,
  onClose,
}: {
  organization: Organization;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, formError, run } = useModalForm<HouseholdsForm>(
    ['buildingCode', 'unit', 'householdIds'],
    onClose,
  );
  const mode = Form.useWatch('mode', form);
  const building = Form.useWatch('buildingCode', form);
  const map = useQuery({ ...neighbourMapQuery(building ?? ''), enabled: Boolean(building) });
  const households = map.data?.kind === 'building' ? map.data.households : [];
  const units = [...new Set(households.map((h) => h.unit).filter(Boolean))].sort();
  const mutation = useAddHouseholds(organization.id);
  // A warm group anchored to a building looks after that building: it is the natural default.
  const anchor = useQuery({
    ...regionQuery(organization.anchorRegionCode ?? ''),
    enabled: Boolean(organization.anchorRegionCode),
  });
  const anchorBuilding = anchor.data?.kind === 'building' ? anchor.data.code : undefined;
  if (organization.anchorRegionCode && anchor.isPending) return null;

  const submit = (values: HouseholdsForm) => {
    const body =
      values.mode === 'entrance'
        ? { buildingCode: values.buildingCode, ...(values.unit ? { unit: values.unit } : {}) }
        : { householdIds: values.householdIds ?? [] };
    run(mutation, body, (added) => t('org.householdsAdded', { count: added }));
  };

  return (
    <FormModal<HouseholdsForm>
      title={t('org.addHouseholdsTitle', { name: organization.name })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      initialValues={{ mode: 'entrance', buildingCode: anchorBuilding }}
      onValuesChange={(changed: Partial<HouseholdsForm>) => {
        if ('buildingCode' in changed) form.setFieldsValue({ unit: undefined, householdIds: [] });
      }}
    >
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'entrance', label: t('org.byEntrance') },
            { value: 'households', label: t('org.byHouseholds') },
          ]}
          data-testid="households-mode"
        />
      </Form.Item>
      <Form.Item
        name="buildingCode"
        label={t('org.building')}
        rules={[{ required: true, message: t('org.buildingRequired') }]}
      >
        <RegionTreeSelect kinds={['building']} testId="households-building" />
      </Form.Item>
      {mode === 'households' ? (
        <Form.Item
          name="householdIds"
          label={t('org.households')}
          rules={[{ required: true, message: t('org.householdsRequired') }]}
        >
          <Select<string[]>
            mode="multiple"
            loading={map.isFetching}
            optionFilterProp="label"
            options={households.map((h) => ({
              value: h.id,
              label: `${placeOf(t, h)} ${h.headName ?? ''}`.trim(),
            }))}
            data-testid="households-select"
          />
        </Form.Item>
      ) : (
        <Form.Item name="unit" label={t('org.unit')} extra={t('org.entranceHint')}>
          <Select<string>
            allowClear
            loading={map.isFetching}
            placeholder={t('org.allUnits')}
            options={units.map((unit) => ({
              value: unit,
              label: <span data-testid={`unit-option-${unit}`}>{t('household.unit', { unit })}</span>,
            }))}
            data-testid="households-unit"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
