import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { QUESTION_KINDS } from '../../../shared/api/bulletins';
import { bulletinKeys, type CourseInput, createCourse, postsQuery } from '../../api/bulletins';
import { FormModal, useModalForm } from '../../components/FormModal';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';

type Values = {
  title: string;
  description?: string;
  regionCode: string;
  passMark: number;
  maxAttempts: number;
  items: { postId: string; minSeconds: number }[];
  questions: { kind: 'single' | 'multiple'; text: string; options: string; correct: string }[];
};

/** "1, 3" → [0, 2]: the form counts options from 1, the server from 0. */
const indexes = (text: string) =>
  text
    .split(/[,，\s]+/)
    .filter((part) => part !== '')
    .map((part) => Number(part) - 1);

/** Drafts a study course over published study texts, to everyone of its region, with its quiz. */
export function CourseModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const posts = useQuery(postsQuery());
  const study = (posts.data?.items ?? []).filter((p) => p.kind === 'study' && p.status === 'published');
  const { form, formError, run } = useModalForm<Values>(
    ['title', 'description', 'regionCode', 'passMark', 'maxAttempts', 'items', 'questions'],
    onClose,
  );
  const create = useMutation({
    mutationFn: createCourse,
    onSuccess: () => client.invalidateQueries({ queryKey: bulletinKeys.all }),
  });
  const finish = (v: Values) => {
    const body: CourseInput = {
      title: v.title,
      description: v.description ?? '',
      regionCode: v.regionCode,
      targets: [{ kind: 'region', regionCode: v.regionCode }],
      items: v.items ?? [],
      questions: (v.questions ?? []).map((q) => ({
        kind: q.kind,
        text: q.text,
        options: (q.options ?? '')
          .split('\n')
          .map((o) => o.trim())
          .filter((o) => o !== ''),
        correct: indexes(q.correct ?? ''),
      })),
      passMark: v.passMark,
      maxAttempts: v.maxAttempts,
    };
    run(create, body, () => t('bulletins.saved'));
  };
  return (
    <FormModal
      title={t('bulletins.newCourse')}
      form={form}
      formError={formError}
      pending={create.isPending}
      onFinish={finish}
      onClose={onClose}
      width={720}
      initialValues={{
        passMark: 60,
        maxAttempts: 3,
        items: [{ minSeconds: 60 }],
        questions: [{ kind: 'single' }],
      }}
    >
      <Form.Item name="title" label={t('bulletins.title')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('bulletins.description')}>
        <Input.TextArea rows={2} maxLength={2_000} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('bulletins.region')} rules={[{ required: true }]}>
        <RegionTreeSelect />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="passMark" label={t('bulletins.passMark')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="maxAttempts" label={t('bulletins.maxAttempts')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10} precision={0} />
        </Form.Item>
      </Flex>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('bulletins.items')} style={{ marginBottom: 16 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} wrap align="end">
                <Form.Item
                  name={[field.name, 'postId']}
                  label={`${t('bulletins.kind.study')} ${i + 1}`}
                  rules={[{ required: true }]}
                  style={{ minWidth: 240, flex: 1 }}
                >
                  <Select options={study.map((p) => ({ value: p.id, label: p.title }))} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'minSeconds']}
                  label={t('bulletins.minSeconds')}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={10} max={7200} precision={0} />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t('bulletins.remove')}</Button>
              </Flex>
            ))}
            <Button onClick={() => add({ minSeconds: 60 })}>{t('bulletins.addItem')}</Button>
          </Card>
        )}
      </Form.List>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('bulletins.questions')}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                type="inner"
                size="small"
                title={`${t('bulletins.question')} ${i + 1}`}
                style={{ marginBottom: 8 }}
              >
                <Form.Item
                  name={[field.name, 'kind']}
                  label={t('bulletins.questionKind')}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={QUESTION_KINDS.map((k) => ({
                      value: k,
                      label: t(`bulletins.questionKind.${k}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'text']}
                  label={t('bulletins.question')}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'options']}
                  label={t('bulletins.options')}
                  rules={[{ required: true }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'correct']}
                  label={t('bulletins.correct')}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t('bulletins.remove')}</Button>
              </Card>
            ))}
            <Button onClick={() => add({ kind: 'single' })}>{t('bulletins.addQuestion')}</Button>
          </Card>
        )}
      </Form.List>
    </FormModal>
  );
}
