import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { REGION_CODE_LENGTH } from '../../../shared/region-code';
import { portalCategoriesQuery, portalPlacesQuery } from '../../api/portal';
import { FormError } from '../../components/FormError';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useI18n } from '../../i18n/I18nProvider';
import { AttributeFields } from './AttributeFields';
import { CategoryPicker } from './CategoryPicker';
import { PhotoPicker } from './PhotoPicker';
import { PlacePicker } from './PlacePicker';
import { PortalCard, PortalPage } from './PortalLayout';
import { PortalQueryError, useResident } from './session';
import { type NewRequestForm, useSubmitRequest } from './use-submit-request';

export type { SubmittedState } from './use-submit-request';

/**
 * /m/new — category, description, place, address and up to three photos; above the button, what
 * will be public and the opt-in to publish the description (screened; off by default).
 */
export function NewRequestPage() {
  const { t } = useI18n();
  const resident = useResident();
  const [form] = Form.useForm<NewRequestForm>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const categories = useQuery(portalCategoriesQuery);
  const places = useQuery(portalPlacesQuery);
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = categories.data?.find((c) => c.code === categoryCode);

  const submit = useSubmitRequest(form, photos, setFormError);

  const failed = categories.error ?? places.error;
  if (failed)
    return (
      <PortalPage title={t('portal.new.title')} back="/m">
        <PortalQueryError
          error={failed}
          onRetry={() => {
            void categories.refetch();
            void places.refetch();
          }}
        />
      </PortalPage>
    );

  return (
    <PortalPage title={t('portal.new.title')} back="/m" testId="portal-new-page">
      {categories.isPending || places.isPending ? (
        <FullPageSpin />
      ) : (
        <Form<NewRequestForm>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={{ regionCode: resident.homeRegionCode ?? undefined }}
          onFinish={(values) => submit.mutate(values)}
          onValuesChange={() => setFormError(null)}
          disabled={submit.isPending}
        >
          <PortalCard>
            <Form.Item
              name="categoryCode"
              label={t('portal.new.category')}
              rules={[{ required: true, message: t('portal.new.categoryRequired') }]}
              extra={category?.description || undefined}
            >
              <CategoryPicker categories={categories.data ?? []} />
            </Form.Item>
            <AttributeFields category={category} />
            <Form.Item
              name="description"
              label={t('portal.new.description')}
              rules={[
                { required: true, whitespace: true, min: 5, message: t('portal.new.descriptionRequired') },
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 8 }}
                maxLength={1000}
                showCount
                placeholder={t('portal.new.descriptionPlaceholder')}
                data-testid="portal-description"
              />
            </Form.Item>
          </PortalCard>
          <PortalCard>
            <Form.Item
              name="regionCode"
              label={t('portal.new.place')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    value && value.length >= REGION_CODE_LENGTH.community
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('portal.new.placeRequired'))),
                },
              ]}
            >
              <PlacePicker places={places.data ?? []} />
            </Form.Item>
            <Form.Item name="address" label={t('portal.new.address')} style={{ marginBottom: 0 }}>
              <Input
                maxLength={200}
                placeholder={t('portal.new.addressPlaceholder')}
                data-testid="portal-address"
              />
            </Form.Item>
          </PortalCard>
          <PortalCard>
            <Typography.Text strong>{t('portal.new.photos')}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
              {t('portal.new.photosHint')}
            </Typography.Text>
            <div style={{ marginTop: 12 }}>
              <PhotoPicker value={photos} onChange={setPhotos} />
            </div>
          </PortalCard>
          <PortalCard>
            {/* Said before sending: what other platforms will read of this request (Open311). */}
            <Alert
              type="info"
              showIcon
              title={t('portal.new.publicNotice')}
              data-testid="portal-public-notice"
            />
            <Form.Item name="publishDescription" valuePropName="checked" style={{ margin: '12px 0 0' }}>
              <Checkbox data-testid="portal-publish-description">
                {t('portal.new.publishDescription')}
              </Checkbox>
            </Form.Item>
          </PortalCard>
          <FormError message={formError} />
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={submit.isPending}
            style={{ height: 52, fontSize: 17, margin: '4px 0 24px' }}
            data-testid="portal-submit"
          >
            {submit.isPending ? t('portal.new.submitting') : t('portal.new.submit')}
          </Button>
        </Form>
      )}
    </PortalPage>
  );
}
