import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { MEMBER_GRADES, type MemberGrade } from '../../../shared/api/reviews';
import { gradeMember, type MemberEvaluationGrid, memberGridQuery, reviewKeys } from '../../api/reviews';
import { QueryError } from '../../components/QueryError';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';
import { hasPermission } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { thisYear } from './RoundsPage';

type Row = MemberEvaluationGrid['rows'][number];

/** /reviews/members?organization=&year= — 民主评议党员: a grade per member, 优秀 capped at a third. */
export function MemberEvaluationPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const organization = params.get('organization') ?? '';
  const year = Number(params.get('year') ?? thisYear());
  const [typed, setTyped] = useState(organization);
  const grid = useQuery({ ...memberGridQuery(organization, year), enabled: organization !== '' });
  const grade = useMutation({
    mutationFn: (v: { memberId: string; grade: MemberGrade }) => gradeMember(organization, { year, ...v }),
    onSuccess: (next) => {
      client.setQueryData(reviewKeys.grid(organization, year), next);
      void message.success(t('reviews.graded'));
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const writer = hasPermission(me, 'review.write');
  return (
    <Card title={t('nav.memberEvaluation')} data-testid="member-evaluation-page">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value.trim())}
          placeholder={t('reviews.organizationId')}
          aria-label={t('reviews.organizationId')}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="evaluation-organization"
        />
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          aria-label={t('reviews.year')}
          onChange={(y) => y && setParams({ organization, year: String(y) })}
        />
        <Button onClick={() => setParams({ organization: typed, year: String(year) })}>
          {t('reviews.load')}
        </Button>
      </Flex>
      {grid.isError && <QueryError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.data && (
        <>
          <Alert
            showIcon
            type={grid.data.excellent >= grid.data.excellentCap ? 'warning' : 'info'}
            style={{ marginBottom: 12 }}
            message={`${grid.data.organizationName} · ${t('reviews.members')} ${grid.data.members}`}
            description={t('reviews.cap', { cap: grid.data.excellentCap, excellent: grid.data.excellent })}
            data-testid="evaluation-cap"
          />
          <ResponsiveTable<Row>
            rowKey="memberId"
            size="small"
            dataSource={grid.data.rows}
            pagination={false}
            columns={[
              { title: t('reviews.member'), dataIndex: 'name' },
              {
                title: t('reviews.grade'),
                dataIndex: 'grade',
                render: (value: MemberGrade | null, row) => (
                  <Select<MemberGrade>
                    value={value ?? undefined}
                    disabled={!writer || grade.isPending}
                    style={{ width: 140 }}
                    placeholder="—"
                    aria-label={`${t('reviews.grade')}${t('common.colon')}${row.name}`}
                    onChange={(next) => grade.mutate({ memberId: row.memberId, grade: next })}
                    options={MEMBER_GRADES.map((g) => ({ value: g, label: t(`reviews.grade.${g}`) }))}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
