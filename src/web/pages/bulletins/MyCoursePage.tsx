import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, List, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { bulletinKeys, courseItemStep, myCourseQuery, submitAttempt } from '../../api/bulletins';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

type Item = Awaited<ReturnType<typeof courseItemStep>>;
type Result = Awaited<ReturnType<typeof submitAttempt>>;

/**
 * /me/study/courses/:id — a course: read each text (the server times it from the first opening
 * and accepts "read" only after the minimum), then the quiz, scored on the server.
 */
export function MyCoursePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const client = useQueryClient();
  const course = useQuery(myCourseQuery(id));
  const [reading, setReading] = useState<Item | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [form] = Form.useForm<Record<string, number | number[]>>();
  const refresh = () => client.invalidateQueries({ queryKey: bulletinKeys.all });
  const step = useMutation({
    mutationFn: (v: { post: string; step: 'open' | 'done' }) => courseItemStep(id, v.post, v.step),
    onSuccess: (item) => {
      setReading(item.doneAt ? null : item);
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const attempt = useMutation({
    mutationFn: (answers: number[][]) => submitAttempt(id, answers),
    onSuccess: (r) => {
      setResult(r);
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (course.isError) return <QueryError error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  const allRead = c ? c.itemList.every((i) => i.doneAt !== null) : false;
  const canAnswer = c ? allRead && c.attempts < c.maxAttempts : false;
  const finish = (values: Record<string, number | number[]>) =>
    attempt.mutate(
      (c?.questionList ?? []).map((_, i) => {
        const v = values[`q${i}`];
        return Array.isArray(v) ? v : v === undefined ? [] : [v];
      }),
    );
  return (
    <Flex vertical gap={16} data-testid="my-course-page">
      <Card title={c?.title} loading={course.isPending} size="small">
        {c?.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
        <List
          dataSource={c?.itemList ?? []}
          renderItem={(item) => (
            <List.Item
              extra={
                item.doneAt ? (
                  <Tag color="green">{t('bulletins.itemDone')}</Tag>
                ) : (
                  <Button size="small" onClick={() => step.mutate({ post: item.postId, step: 'open' })}>
                    {t('bulletins.openItem')}
                  </Button>
                )
              }
            >
              <List.Item.Meta
                title={item.title}
                description={t('bulletins.minRead', { seconds: item.minSeconds })}
              />
            </List.Item>
          )}
        />
      </Card>
      {c && (
        <Card title={t('bulletins.quiz')} size="small">
          <Typography.Paragraph type="secondary">
            {t('bulletins.attemptsUsed', { used: c.attempts, max: c.maxAttempts })} ·{' '}
            {c.bestScore === null ? t('bulletins.noScore') : t('bulletins.bestScore', { score: c.bestScore })}
          </Typography.Paragraph>
          {result && (
            <Alert
              type={result.passed ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t('bulletins.quizResult', {
                attempt: result.attempt,
                score: result.score,
                correct: result.correct,
                questions: result.questions,
                left: result.attemptsLeft,
              })}
            />
          )}
          {!allRead && <Alert type="info" showIcon title={t('bulletins.readFirst')} />}
          {canAnswer && (
            <Form form={form} layout="vertical" onFinish={finish}>
              {c.questionList.map((q, i) => (
                <Form.Item
                  key={q.text}
                  name={`q${i}`}
                  label={`${i + 1}. ${q.text}`}
                  rules={[{ required: true }]}
                >
                  {q.kind === 'single' ? (
                    <Radio.Group options={q.options.map((o, j) => ({ value: j, label: o }))} />
                  ) : (
                    <Checkbox.Group options={q.options.map((o, j) => ({ value: j, label: o }))} />
                  )}
                </Form.Item>
              ))}
              <Button type="primary" htmlType="submit" loading={attempt.isPending} data-testid="submit-quiz">
                {t('bulletins.submitQuiz')}
              </Button>
            </Form>
          )}
        </Card>
      )}
      {reading && (
        <Modal
          open
          title={reading.title}
          onCancel={() => setReading(null)}
          okText={t('bulletins.finishItem')}
          cancelText={t('bulletins.close')}
          confirmLoading={step.isPending}
          onOk={() => step.mutate({ post: reading.postId, step: 'done' })}
        >
          <Typography.Paragraph type="secondary">
            {t('bulletins.minRead', { seconds: reading.minSeconds })}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reading.body}</Typography.Paragraph>
        </Modal>
      )}
    </Flex>
  );
}
