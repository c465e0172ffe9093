import { Link } from 'react-router';
import type { LedgerRow } from '../../api/timebank';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useI18n } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/time';
import { signedMinutes, transferKindLabel } from './labels';

interface Props {
  rows: readonly LedgerRow[];
  /** Staff reading accounts: the counterpart links to its account page. */
  linkCounterparts?: boolean;
}

/** Ledger rows with their kind in words and the other side by name (masked where the server masks it). */
export function LedgerTable({ rows, linkCounterparts }: Props) {
  const { t, language } = useI18n();
  return (
    <ResponsiveTable<LedgerRow>
      rowKey="id"
      dataSource={[...rows]}
      pagination={false}
      size="middle"
      scroll={{ x: 640 }}
      locale={{ emptyText: t('timebank.ledgerEmpty') }}
      data-testid="timebank-ledger"
      columns={[
        { title: t('timebank.at'), dataIndex: 'at', render: (at: string) => formatTime(at), width: 170 },
        {
          title: t('timebank.transferKind'),
          dataIndex: 'kind',
          // A correction's kind reads 冲正 (reversal) itself: no tag needed beside it.
          render: (kind: LedgerRow['kind']) => (
            <span data-testid="timebank-ledger-kind">{transferKindLabel(kind, language)}</span>
          ),
        },
        {
          title: t('timebank.minutes'),
          dataIndex: 'minutes',
          align: 'right',
          render: (minutes: number) => (
            <span style={{ color: minutes > 0 ? '#237804' : undefined }}>{signedMinutes(minutes)}</span>
          ),
        },
        {
          title: t('timebank.counterpart'),
          dataIndex: 'counterpartName',
          render: (name: string, row) =>
            linkCounterparts ? (
              <Link to={`/timebank/accounts/${row.counterpartAccountId}`}>{name}</Link>
            ) : (
              name
            ),
        },
        { title: t('timebank.memo'), dataIndex: 'memo' },
      ]}
    />
  );
}
