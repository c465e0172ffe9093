import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/api/training';
import { markAttendance, rosterQuery, sessionCode, trainingKeys } from '../../api/training';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../lib/errors';

/**
 * 点名: one row per trainee with four large buttons (one tap marks them), laid out to fit a 360-px
 * phone; the rotating check-in code for trainees to type on their own phones.
 */
export function AttendanceTaker({ sessionId, canManage }: { sessionId: string; canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const roster = useQuery(rosterQuery(sessionId));
  const [code, setCode] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: (v: { enrollmentId: string; status: AttendanceStatus }) =>
      markAttendance(sessionId, v.enrollmentId, v.status),
    onSuccess: async (data) => {
      client.setQueryData(trainingKeys.roster(sessionId), data);
      await client.invalidateQueries({ queryKey: trainingKeys.courses });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const showCode = useMutation({
    mutationFn: () => sessionCode(sessionId),
    onSuccess: (c) => setCode(c.code),
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  if (roster.error) return <QueryError error={roster.error} onRetry={() => roster.refetch()} />;
  return (
    <div data-testid="attendance-taker">
      {canManage && (
        <Button
          onClick={() => showCode.mutate()}
          loading={showCode.isPending}
          data-testid="show-code"
          style={{ marginBottom: 12 }}
        >
          {t('training.showCode')}
        </Button>
      )}
      {(roster.data?.items ?? []).map((item) => (
        <Flex
          key={item.enrollmentId}
          wrap
          gap={8}
          align="center"
          justify="space-between"
          data-testid="roster-row"
          data-row-key={item.enrollmentId}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong style={{ minWidth: 64 }}>
            {item.name}
          </Typography.Text>
          {item.notEnrolledYet ? (
            <Tag>{t('training.notEnrolledYet')}</Tag>
          ) : (
            // Radio buttons, not Segmented: an unmarked trainee must show no mark (Segmented shows its first).
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={item.status}
              disabled={!canManage}
              onChange={(e) =>
                mark.mutate({ enrollmentId: item.enrollmentId, status: e.target.value as AttendanceStatus })
              }
              options={ATTENDANCE_STATUSES.map((s) => ({
                value: s,
                label: <span data-testid={`mark-${s}`}>{t(`training.att.${s}`)}</span>,
              }))}
            />
          )}
        </Flex>
      ))}
      <Modal open={code !== null} onCancel={() => setCode(null)} footer={null} title={t('training.showCode')}>
        <Typography.Paragraph type="secondary">{t('training.codeHint')}</Typography.Paragraph>
        <div
          data-testid="session-code"
          style={{ fontSize: 48, letterSpacing: 12, fontFamily: 'monospace', textAlign: 'center' }}
        >
          {code}
        </div>
        <Button block onClick={() => showCode.mutate()} loading={showCode.isPending}>
          ↻
        </Button>
      </Modal>
    </div>
  );
}
