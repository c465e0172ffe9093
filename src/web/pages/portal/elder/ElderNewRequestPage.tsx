import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { REGION_CODE_LENGTH } from '../../../../shared/region-code';
import { portalCategoriesQuery, portalPlacesQuery } from '../../../api/portal';
import { FormError } from '../../../components/FormError';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useI18n } from '../../../i18n/I18nProvider';
import { AttributeFields } from '../AttributeFields';
import { PhotoPicker } from '../PhotoPicker';
import { PlacePicker } from '../PlacePicker';
import { PortalPage } from '../PortalLayout';
import { PortalQueryError, useResident } from '../session';
import { type NewRequestForm, useSubmitRequest } from '../use-submit-request';
import { CategoryButtons } from './CategoryButtons';

const STEPS = ['what', 'tell', 'where', 'photo'] as const;
type Step = (typeof STEPS)[number];

/** The fields each step checks before the next one opens (the category's own questions too). */
const fieldsOf = (step: Step, attributeCodes: string[]): (string | string[])[] => {
  switch (step) {
    case 'what':
      return ['categoryCode', ...attributeCodes.map((code) => ['attributes', code])];
    case 'tell':
      return ['description'];
    case 'where':
      return ['regionCode', 'address'];
    case 'photo':
      return [];
  }
};

/**
 * /m/new in elder mode: the same request as the standard form, one question per screen — what
 * happened (a big button per kind of problem), tell us about it, where (the resident's home
 * already filled in), a photo if they like — then send. The description stays private.
 */
export function ElderNewRequestPage() {
  const { t } = useI18n();
  const resident = useResident();
  const [form] = Form.useForm<NewRequestForm>();
  const [step, setStep] = useState<Step>('what');
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const categories = useQuery(portalCategoriesQuery);
  const places = useQuery(portalPlacesQuery);
  const categoryCode = Form.useWatch('categoryCode', form);
  const category = categories.data?.find((c) => c.code === categoryCode);
  const attributeCodes = (category?.attributes ?? []).map((a) => a.code);
  const submit = useSubmitRequest(form, photos, setFormError);
  const index = STEPS.indexOf(step);

  const next = async () => {
    try {
      await form.validateFields(fieldsOf(step, attributeCodes) as never);
    } catch {
      return;
    }
    if (step === 'photo') form.submit();
    else setStep(STEPS[index + 1]!);
  };
  const back = index > 0 ? () => setStep(STEPS[index - 1]!) : undefined;

  const failed = categories.error ?? places.error;
  if (failed)
    return (
      <PortalPage title={t('elder.home.report')} back="/m">
        <PortalQueryError
          error={failed}
          onRetry={() => {
            void categories.refetch();
            void places.refetch();
          }}
        />
      </PortalPage>
    );

  const titles: Record<Step, string> = {
    what: t('elder.new.what'),
    tell: t('elder.new.tell'),
    where: t('elder.new.where'),
    photo: t('elder.new.photo'),
  };

  return (
    <PortalPage title={t('elder.home.report')} back="/m" testId="elder-new-page">
      {categories.isPending || places.isPending ? (
        <FullPageSpin />
      ) : (
        <Form<NewRequestForm>
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          initialValues={{ regionCode: resident.homeRegionCode ?? undefined, publishDescription: false }}
          onFinish={(values) => submit.mutate({ ...values, publishDescription: false })}
          onValuesChange={() => setFormError(null)}
          disabled={submit.isPending}
        >
          <Typography.Text style={{ fontSize: 18 }} data-testid="elder-step">
            {t('elder.new.step', { step: index + 1, total: STEPS.length })}
          </Typography.Text>
          <Typography.Title
            level={2}
            style={{ margin: '4px 0 16px', fontSize: 28 }}
            data-testid="elder-step-title"
          >
            {titles[step]}
          </Typography.Title>

          <Form.Item
            name="categoryCode"
            hidden={step !== 'what'}
            label={t('elder.new.whatHint')}
            rules={[{ required: true, message: t('portal.new.categoryRequired') }]}
          >
            <CategoryButtons
              categories={categories.data ?? []}
              onPicked={(picked) => {
                // Nothing more to ask about this kind of problem: straight on to the next step.
                if (picked.attributes.length === 0) setStep('tell');
              }}
            />
          </Form.Item>
          <div hidden={step !== 'what'}>
            <AttributeFields category={category} />
          </div>

          <Form.Item
            name="description"
            hidden={step !== 'tell'}
            label={t('elder.new.tellHint')}
            rules={[
              { required: true, whitespace: true, min: 5, message: t('portal.new.descriptionRequired') },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 10 }}
              maxLength={1000}
              placeholder={t('portal.new.descriptionPlaceholder')}
              data-testid="portal-description"
            />
          </Form.Item>

          <Form.Item
            name="regionCode"
            hidden={step !== 'where'}
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
          <Form.Item name="address" hidden={step !== 'where'} label={t('portal.new.address')}>
            <Input
              maxLength={200}
              placeholder={t('portal.new.addressPlaceholder')}
              data-testid="portal-address"
            />
          </Form.Item>

          {step === 'photo' && (
            <>
              <PhotoPicker value={photos} onChange={setPhotos} />
              <Alert
                type="info"
                title={<span style={{ fontSize: 18 }}>{t('elder.new.notPublic')}</span>}
                style={{ margin: '16px 0' }}
                data-testid="portal-public-notice"
              />
            </>
          )}

          <FormError message={formError} />
          <Flex gap={12} style={{ margin: '8px 0 24px' }}>
            {back && (
              <Button onClick={back} style={{ flex: 1, height: 56 }} data-testid="elder-previous">
                {t('elder.new.previous')}
              </Button>
            )}
            {(step !== 'what' || category) && (
              <Button
                type="primary"
                onClick={() => void next()}
                loading={submit.isPending}
                style={{ flex: 2, height: 56, fontSize: 22 }}
                data-testid={step === 'photo' ? 'portal-submit' : 'elder-next'}
              >
                {step === 'photo' ? t('elder.new.send') : t('elder.new.next')}
              </Button>
            )}
          </Flex>
        </Form>
      )}
    </PortalPage>
  );
}
