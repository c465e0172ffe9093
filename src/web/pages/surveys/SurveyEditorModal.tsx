import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { QUESTION_KINDS, type QuestionKind, SURVEY_SOURCES } from '../../../shared/api/surveys';
import {
  createSurvey,
  type SurveyDesignInput,
  type SurveyDetail,
  surveyKeys,
  updateSurvey,
} from '../../api/surveys';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

interface QuestionValues {
  kind: QuestionKind;
  text: string;
  /** The options, one per line (choice questions only). */
  optionsText?: string;
  required: boolean;
}

interface Values {
  title: string;
  description: string;
  regionCode: string;
  anonymous: boolean;
  source: SurveyDesignInput['source'];
  period?: [Dayjs, Dayjs];
  sampleSize: number;
  reservePercent: number;
  contactWindowDays: number;
  seed?: string;
  questions: QuestionValues[];
  satisfactionQuestion: number;
}

const FIELDS = [
  'title',
  'description',
  'regionCode',
  'anonymous',
  'source',
  'sampleSize',
  'reservePercent',
  'contactWindowDays',
  'seed',
  'questions',
  'satisfactionQuestion',
] as const;

const choice = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';

/** The form's values of a saved survey (to edit a draft). */
const valuesOf = (s: SurveyDetail): Values => ({
  title: s.title,
  description: s.description,
  regionCode: s.regionCode,
  anonymous: s.anonymous,
  source: s.source,
  ...(s.periodFrom && s.periodTo
    ? { period: [dayjs(s.periodFrom), dayjs(s.periodTo)] as [Dayjs, Dayjs] }
    : {}),
  sampleSize: s.sampleSize,
  reservePercent: s.reservePercent,
  contactWindowDays: s.contactWindowDays,
  seed: s.seed,
  questions: s.questions.map((q) => ({
    kind: q.kind,
    text: q.text,
    optionsText: q.options.join('\n'),
    required: q.required,
  })),
  satisfactionQuestion: Math.max(
    0,
    s.questions.findIndex((q) => q.id === s.satisfactionQuestionId),
  ),
});

const NEW: Partial<Values> = {
  anonymous: true,
  source: 'register',
  sampleSize: 100,
  reservePercent: 50,
  contactWindowDays: 90,
  description: '',
  questions: [{ kind: 'scale', text: '您对社区（村）的服务总体满意吗？', required: true }],
  satisfactionQuestion: 0,
};

/** 新建测评 / 修改问卷: the design of a survey while it is a draft. */
export function SurveyEditorModal({ survey, onClose }: { survey?: SurveyDetail; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, run } = useModalForm<Values>(FIELDS, onClose);
  const mutation = useMutation({
    mutationFn: (body: SurveyDesignInput) => (survey ? updateSurvey(survey.id, body) : createSurvey(body)),
    onSuccess: () => client.invalidateQueries({ queryKey: surveyKeys.all }),
  });
  const source = Form.useWatch('source', form);
  const questions = Form.useWatch('questions', form) ?? [];
  const submit = (v: Values) =>
    run(
      mutation,
      {
        title: v.title,
        description: v.description ?? '',
        regionCode: v.regionCode,
        anonymous: v.anonymous,
        source: v.source,
        ...(v.source === 'work_orders' && v.period
          ? { periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD') }
          : {}),
        sampleSize: v.sampleSize,
        reservePercent: v.reservePercent,
        contactWindowDays: v.contactWindowDays,
        ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
        questions: v.questions.map((q) => ({
          kind: q.kind,
          text: q.text,
          options: choice(q.kind)
            ? (q.optionsText ?? '')
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
            : [],
          required: q.required,
        })),
        satisfactionQuestion: v.satisfactionQuestion,
      },
      (saved) => {
        if (!survey) void navigate(`/surveys/${saved.id}`);
        return t('surveys.saved');
      },
    );
  return (
    <FormModal<Values>
      title={survey ? t('surveys.edit') : t('surveys.new')}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={submit}
      onClose={onClose}
      width={720}
      initialValues={survey ? valuesOf(survey) : NEW}
      okButtonProps={{ 'data-testid': 'survey-submit' }}
    >
      <Form.Item name="title" label={t('surveys.titleField')} rules={[{ required: true }]}>
        <Input maxLength={100} data-testid="survey-title" />
      </Form.Item>
      <Form.Item name="description" label={t('surveys.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('surveys.region')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="survey-region" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="anonymous"
          label={t('surveys.anonymous')}
          valuePropName="checked"
          tooltip={t('surveys.anonymousHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item name="source" label={t('surveys.source')} style={{ minWidth: 220 }}>
          <Select options={SURVEY_SOURCES.map((s) => ({ value: s, label: t(`surveys.source.${s}`) }))} />
        </Form.Item>
        {source === 'work_orders' && (
          <Form.Item
            name="period"
            label={`${t('surveys.periodFrom')} – ${t('surveys.periodTo')}`}
            rules={[{ required: true }]}
          >
            <DatePicker.RangePicker />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="sampleSize" label={t('surveys.sampleSize')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} data-testid="survey-sample-size" />
        </Form.Item>
        <Form.Item name="reservePercent" label={t('surveys.reservePercent')}>
          <InputNumber min={0} max={300} />
        </Form.Item>
        <Form.Item
          name="contactWindowDays"
          label={t('surveys.contactWindowDays')}
          tooltip={t('surveys.contactWindowHint')}
        >
          <InputNumber min={0} max={730} />
        </Form.Item>
        <Form.Item name="seed" label={t('surveys.seed')} tooltip={t('surveys.seedHint')}>
          <Input maxLength={64} style={{ width: 180 }} />
        </Form.Item>
      </Flex>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="start" data-testid="survey-question">
                <Form.Item name={[field.name, 'kind']} style={{ width: 140 }} rules={[{ required: true }]}>
                  <Select
                    options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  style={{ flex: 1, minWidth: 200 }}
                  rules={[{ required: true }]}
                >
                  <Input placeholder={t('surveys.questionText')} maxLength={300} />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} valuePropName="checked" initialValue={true}>
                  <Checkbox>{t('surveys.required')}</Checkbox>
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('surveys.removeQuestion')}
                />
                {choice(questions[i]?.kind ?? 'scale') && (
                  <Form.Item
                    name={[field.name, 'optionsText']}
                    style={{ width: '100%' }}
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea rows={3} placeholder={t('surveys.options')} />
                  </Form.Item>
                )}
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'single', text: '', required: true })}
              style={{ marginBottom: 12 }}
            >
              {t('surveys.addQuestion')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="satisfactionQuestion"
        label={t('surveys.satisfactionQuestion')}
        tooltip={t('surveys.satisfactionMark')}
      >
        <Select
          options={questions
            .map((q, i) => ({ q, i }))
            .filter(({ q }) => q?.kind === 'scale')
            .map(({ q, i }) => ({ value: i, label: `${i + 1}. ${q.text ?? ''}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
