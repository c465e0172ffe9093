import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Divider, Flex, Form, Input, InputNumber, Modal, Statistic } from 'antd';
import { awardPoints, memberPointsQuery, pointsKeys } from '../../api/points';
import { FormError } from '../../components/FormError';
import { useModalForm } from '../../components/FormModal';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { LedgerTable } from './LedgerTable';

interface AwardValues {
  points: number;
  reason: string;
}

/** One member's ledger of a year, and (with points.manage) the form to award or deduct by hand. */
export function MemberPointsModal({
  member,
  year,
  canAward,
  onClose,
}: {
  member: { id: string; name: string };
  year: number;
  canAward: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const ledger = useQuery(memberPointsQuery(member.id, year));
  // The form stays open after an award, so that several can be entered; it only resets.
  const { form, formError, run } = useModalForm<AwardValues>(['points', 'reason'], () => form.resetFields());
  const award = useMutation({
    mutationFn: (values: AwardValues) => awardPoints(member.id, values),
    onSuccess: () => client.invalidateQueries({ queryKey: pointsKeys.all }),
  });
  return (
    <Modal open title={`${t('points.ledger')} · ${member.name}`} onCancel={onClose} footer={null} width={760}>
      {ledger.isError && <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />}
      {ledger.data && (
        <>
          <Statistic title={t('points.myTotal', { year })} value={ledger.data.total} />
          <LedgerTable rows={ledger.data.rows} />
        </>
      )}
      {canAward && (
        <>
          <Divider>{t('points.award')}</Divider>
          <Form<AwardValues>
            form={form}
            layout="vertical"
            onFinish={(values) => run(award, values, () => t('points.awarded'))}
            data-testid="points-award-form"
          >
            <Flex gap={12} wrap align="start">
              <Form.Item name="points" label={t('points.awardPoints')} rules={[{ required: true }]}>
                <InputNumber min={-100} max={100} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('points.reason')}
                rules={[{ required: true }]}
                style={{ flex: 1, minWidth: 240 }}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Flex>
            <FormError message={formError} />
            <Button type="primary" htmlType="submit" loading={award.isPending}>
              {t('points.award')}
            </Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
