import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, InputNumber, Switch } from 'antd';
import { useEffect, useState } from 'react';
import {
  accruePoints,
  changePointsRules,
  type PointsRule,
  pointsKeys,
  pointsRulesQuery,
} from '../../api/points';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/**
 * A district's points rules: read by whoever reads points; edited, and the year accrued on demand,
 * by whoever manages them (the server takes the change only from an administrator over the whole
 * district and says so otherwise).
 */
export function PointsRulesCard({
  district,
  year,
  canManage,
}: {
  district: string;
  year: number;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const rules = useQuery(pointsRulesQuery(district));
  const [draft, setDraft] = useState<PointsRule[]>([]);
  useEffect(() => {
    if (rules.data) setDraft(rules.data.rules);
  }, [rules.data]);
  const change = (i: number, patch: Partial<PointsRule>) =>
    setDraft((rows) => rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const save = useMutation({
    mutationFn: () => changePointsRules(district, draft),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: pointsKeys.all });
      void message.success(t('points.rulesSaved'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const accrue = useMutation({
    mutationFn: () => accruePoints(district, year),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: pointsKeys.all });
      void message.success(t('points.accrued', { added: result.added, points: result.points }));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const label = (row: PointsRule, field: string) => `${t(`points.kind.${row.sourceKind}`)} ${field}`;
  return (
    <Card title={`${t('points.rules')} · ${district}`} size="small" data-testid="points-rules">
      {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data?.changedAt === null && (
        <Alert type="info" showIcon title={t('points.rulesDefault')} style={{ marginBottom: 8 }} />
      )}
      <ResponsiveTable<PointsRule>
        rowKey="sourceKind"
        size="small"
        pagination={false}
        loading={rules.isPending}
        dataSource={draft}
        columns={[
          {
            title: t('points.ruleSource'),
            dataIndex: 'sourceKind',
            render: (kind: PointsRule['sourceKind']) => t(`points.kind.${kind}`),
          },
          {
            title: t('points.rulePoints'),
            key: 'points',
            render: (_: unknown, row, i) => (
              <Flex gap={4} align="center">
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  value={row.points}
                  disabled={!canManage}
                  aria-label={label(row, t('points.rulePoints'))}
                  onChange={(v) => change(i, { points: v ?? 0 })}
                />
                {t(`points.ruleUnit.${row.sourceKind}`)}
              </Flex>
            ),
          },
          {
            title: t('points.ruleCap'),
            key: 'yearlyCap',
            render: (_: unknown, row, i) => (
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                value={row.yearlyCap}
                disabled={!canManage}
                aria-label={label(row, t('points.ruleCap'))}
                onChange={(v) => change(i, { yearlyCap: v ?? 1 })}
              />
            ),
          },
          {
            title: t('points.ruleActive'),
            key: 'active',
            render: (_: unknown, row, i) => (
              <Switch
                checked={row.active}
                disabled={!canManage}
                aria-label={label(row, t('points.ruleActive'))}
                onChange={(active) => change(i, { active })}
              />
            ),
          },
        ]}
      />
      {canManage && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {t('points.saveRules')}
          </Button>
          <Button loading={accrue.isPending} onClick={() => accrue.mutate()} data-testid="points-accrue">
            {t('points.accrue')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
