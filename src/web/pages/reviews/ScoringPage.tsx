import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type Assignment, assignmentsQuery, reviewKeys, submitScores } from '../../api/reviews';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

type Unit = Assignment['units'][number];

/** One unit's sheet: a number per rubric item (0 … its maximum), saved together. */
function UnitSheet({ assignment, unit }: { assignment: Assignment; unit: Unit }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [scores, setScores] = useState<Record<string, number | null>>(unit.scores);
  const save = useMutation({
    mutationFn: () =>
      submitScores(
        unit.id,
        assignment.rubric.map((item) => ({ itemId: item.id, score: scores[item.id] ?? 0 })),
      ),
    onSuccess: () => {
      void message.success(t('reviews.scoresSaved'));
      return client.invalidateQueries({ queryKey: reviewKeys.assignments });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const scored = Object.keys(unit.scores).length > 0;
  return (
    <Card
      size="small"
      title={unit.name}
      extra={scored && <Tag color="green">{t('reviews.scored')}</Tag>}
      data-testid="score-unit"
    >
      {unit.report && (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} type="secondary">
          {unit.report}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={8}>
        {assignment.rubric.map((item) => (
          <Flex key={item.id} gap={8} align="center" wrap>
            <span style={{ minWidth: 140 }}>{item.title}</span>
            <InputNumber
              min={0}
              max={item.max}
              precision={0}
              value={scores[item.id] ?? null}
              aria-label={item.title}
              onChange={(value) => setScores((now) => ({ ...now, [item.id]: value }))}
              data-testid={`score-${item.id}`}
            />
            <Typography.Text type="secondary">{t('reviews.max', { max: item.max })}</Typography.Text>
          </Flex>
        ))}
        <Space>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate()}
            data-testid="score-save"
          >
            {t('reviews.saveScores')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}

/** /reviews/scoring — the open rounds the signed-in evaluator scores, a sheet per unit. */
export function ScoringPage() {
  const { t } = useI18n();
  const assignments = useQuery(assignmentsQuery());
  if (assignments.isError)
    return <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const items = assignments.data?.items ?? [];
  return (
    <Card title={t('nav.reviewScoring')} loading={assignments.isPending} data-testid="scoring-page">
      {items.length === 0 && <Empty description={t('reviews.noAssignments')} />}
      <Flex vertical gap={16}>
        {items.map((assignment) => (
          <Card
            key={assignment.roundId}
            type="inner"
            title={assignment.roundName}
            extra={<Tag>{t(`reviews.group.${assignment.group}`)}</Tag>}
          >
            <Flex vertical gap={12}>
              {assignment.units.map((unit) => (
                <UnitSheet key={unit.id} assignment={assignment} unit={unit} />
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Card>
  );
}
