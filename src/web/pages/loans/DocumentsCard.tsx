import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Checkbox, Flex, Typography } from 'antd';
import { type LoanDetail, loanKeys, tickDocument } from '../../api/loans';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';

const OPEN: readonly LoanDetail['status'][] = [
  'submitted',
  'community_review',
  'centre_review',
  'bank_approval',
];

/** The district's checklist: a tick per document with who ticked it and when, until the money moves. */
export function DocumentsCard({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const editable = OPEN.includes(loan.status) && hasPermissionIn(me, 'loan.apply', loan.regionCode);
  const ticking = useMutation({
    mutationFn: ({ item, ticked }: { item: string; ticked: boolean }) => tickDocument(loan.id, item, ticked),
    onSuccess: async (updated) => {
      client.setQueryData(loanKeys.detail(loan.id), updated);
      await client.invalidateQueries({ queryKey: loanKeys.all });
    },
    onError: (error) => void message.error(error.message),
  });
  const done = loan.documents.filter((d) => d.ticked).length;
  return (
    <Card
      size="small"
      title={`${t('loans.documents')} ${done}/${loan.documents.length}`}
      data-testid="loan-documents"
    >
      {editable && done < loan.documents.length && (
        <Typography.Paragraph type="secondary">{t('loans.documentsHint')}</Typography.Paragraph>
      )}
      <Flex vertical gap={8}>
        {loan.documents.map((d) => (
          <div key={d.item}>
            <Checkbox
              checked={d.ticked}
              disabled={!editable || ticking.isPending}
              onChange={(e) => ticking.mutate({ item: d.item, ticked: e.target.checked })}
              data-testid={`loan-document-${d.item}`}
            >
              {d.item}
            </Checkbox>
            {d.ticked && d.tickedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginLeft: 24 }}>
                {t('loans.tickedBy', { name: d.tickedBy ?? '—', at: formatTime(d.tickedAt) })}
              </Typography.Text>
            )}
          </div>
        ))}
      </Flex>
    </Card>
  );
}
