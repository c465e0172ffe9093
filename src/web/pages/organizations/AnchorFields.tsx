import { useQuery } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { KIND_RULES } from '../../../shared/organization-rules';
import type { OrganizationKind } from '../../api/organization-types';
import { enterprisesQuery } from '../../api/organizations';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

export type AnchorType = 'region' | 'enterprise';

export interface AnchorValues {
  anchorType: AnchorType;
  anchorRegionCode?: string;
  anchorEnterpriseId?: string;
}

/** The body's anchor: the region code or the enterprise, whichever the form chose. */
export const anchorOf = (values: AnchorValues) =>
  values.anchorType === 'enterprise'
    ? { anchorEnterpriseId: values.anchorEnterpriseId ?? '' }
    : { anchorRegionCode: values.anchorRegionCode ?? '' };

/**
 * Where an organization of a kind is anchored: a region of the kinds its rule allows (a building
 * for a corridor branch, a grid or building for a warm group), or an enterprise where allowed.
 */
export function AnchorFields({ kind }: { kind: OrganizationKind | undefined }) {
  const { t } = useI18n();
  const anchorType = Form.useWatch<AnchorType | undefined>('anchorType');
  const rule = kind ? KIND_RULES[kind] : undefined;
  const enterprises = useQuery({ ...enterprisesQuery, enabled: Boolean(rule?.enterprise) });
  if (!rule) return null;
  const kinds = rule.regionAnchors.map((k) => t(`kind.${k}`)).join(t('common.listSeparator'));
  return (
    <>
      {rule.enterprise && (
        <Form.Item name="anchorType" label={t('org.anchorType')}>
          <Radio.Group
            options={[
              { value: 'region', label: t('org.anchorRegion') },
              { value: 'enterprise', label: t('org.anchorEnterprise') },
            ]}
            data-testid="org-anchor-type"
          />
        </Form.Item>
      )}
      {anchorType === 'enterprise' && rule.enterprise ? (
        <Form.Item
          name="anchorEnterpriseId"
          label={t('org.anchorEnterprise')}
          rules={[{ required: true, message: t('org.anchorRequired') }]}
        >
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={enterprises.isPending}
            options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            data-testid="org-anchor-enterprise"
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="anchorRegionCode"
          label={t('org.anchorRegion')}
          extra={t('org.anchorKinds', { kinds })}
          rules={[{ required: true, message: t('org.anchorRequired') }]}
        >
          <RegionTreeSelect kinds={rule.regionAnchors} testId="org-anchor-region" />
        </Form.Item>
      )}
    </>
  );
}
