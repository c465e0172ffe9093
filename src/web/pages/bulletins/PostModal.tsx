import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Switch } from 'antd';
import { POST_KINDS } from '../../../shared/api/bulletins';
import { bulletinKeys, createPost, type PostInput } from '../../api/bulletins';
import { organizationsInScopeQuery } from '../../api/organizations';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

type Values = {
  kind: PostInput['kind'];
  title: string;
  body: string;
  regionCode: string;
  targetKind: 'region' | 'organization';
  targetRegion?: string;
  organizationId?: string;
  includeDescendants?: boolean;
};

/** Drafts a post: kind, title, plain text, the region it is filed under and one target. */
export function PostModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['kind', 'title', 'body', 'regionCode'], onClose);
  const targetKind = Form.useWatch('targetKind', form) ?? 'region';
  const organizations = useQuery({ ...organizationsInScopeQuery(), enabled: targetKind === 'organization' });
  const create = useMutation({
    mutationFn: createPost,
    onSuccess: () => client.invalidateQueries({ queryKey: bulletinKeys.all }),
  });
  const finish = (v: Values) =>
    run(
      create,
      {
        kind: v.kind,
        title: v.title,
        body: v.body,
        regionCode: v.regionCode,
        targets: [
          v.targetKind === 'organization'
            ? {
                kind: 'organization',
                organizationId: v.organizationId ?? '',
                includeDescendants: v.includeDescendants ?? false,
              }
            : { kind: 'region', regionCode: v.targetRegion ?? v.regionCode },
        ],
      },
      () => t('bulletins.saved'),
    );
  return (
    <FormModal
      title={t('bulletins.newPost')}
      form={form}
      formError={formError}
      pending={create.isPending}
      onFinish={finish}
      onClose={onClose}
      initialValues={{ kind: 'notice', targetKind: 'region' }}
    >
      <Form.Item name="kind" label={t('bulletins.kind')} rules={[{ required: true }]}>
        <Select options={POST_KINDS.map((k) => ({ value: k, label: t(`bulletins.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('bulletins.title')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="post-title" />
      </Form.Item>
      <Form.Item name="body" label={t('bulletins.body')} rules={[{ required: true }]}>
        <Input.TextArea rows={6} maxLength={20_000} data-testid="post-body" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('bulletins.region')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="post-region" />
      </Form.Item>
      <Form.Item name="targetKind" label={t('bulletins.targetKind')}>
        <Radio.Group
          options={[
            { value: 'region', label: t('bulletins.targetRegion') },
            { value: 'organization', label: t('bulletins.targetOrganization') },
          ]}
        />
      </Form.Item>
      {targetKind === 'region' ? (
        <Form.Item name="targetRegion" label={t('bulletins.targetRegion')}>
          <RegionTreeSelect allowClear />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="organizationId"
            label={t('bulletins.targetOrganization')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={organizations.isPending}
              options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item
            name="includeDescendants"
            label={t('bulletins.includeDescendants')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
