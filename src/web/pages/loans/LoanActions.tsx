import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { actOnLoan, type LoanAction, type LoanDetail, loanKeys, setHardship } from '../../api/loans';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { hasPermissionIn } from '../../session/permissions';
import { useMe } from '../../session/useMe';
import { LOAN_BUTTONS } from './actions';
import { DisburseModal } from './DisburseModal';

type Asking = { kind: 'reason'; action: Exclude<LoanAction, 'disburse'> } | { kind: 'hardship' } | null;

/**
 * The workflow's buttons the caller may press at this application's place and status: passing on
 * at once, a rejection or withdrawal after a reason, the disbursement in its own form, and the
 * hardship pause (or its end) of a loan being repaid.
 */
export function LoanActions({ loan }: { loan: LoanDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [asking, setAsking] = useState<Asking>(null);
  const [disbursing, setDisbursing] = useState(false);
  const may = (permission: Parameters<typeof hasPermissionIn>[1]) =>
    hasPermissionIn(me, permission, loan.regionCode);
  const refresh = (updated: LoanDetail) => {
    client.setQueryData(loanKeys.detail(loan.id), updated);
    return client.invalidateQueries({ queryKey: loanKeys.all });
  };
  const passOn = useMutation({
    mutationFn: (action: Exclude<LoanAction, 'disburse'>) => actOnLoan(loan.id, action),
    onSuccess: async (updated) => {
      void message.success(t('loans.done'));
      await refresh(updated);
    },
    onError: (error) => void message.error(error.message),
  });

  const buttons = LOAN_BUTTONS.filter((b) => b.from.includes(loan.status) && may(b.permission));
  const lent = loan.status === 'disbursed' || loan.status === 'repaying';
  const paused = loan.pauses.some((p) => p.toOn === null);
  const canPause = lent && may('loan.review');
  if (buttons.length === 0 && !canPause) return null;

  return (
    <Space wrap data-testid="loan-actions">
      {buttons.map(({ action, reason }) => {
        const rejecting = reason;
        return (
          <Button
            key={action}
            type={rejecting ? 'default' : 'primary'}
            danger={rejecting}
            loading={passOn.isPending && passOn.variables === action}
            data-testid={`loan-${action}`}
            onClick={() => {
              if (action === 'disburse') setDisbursing(true);
              else if (reason) setAsking({ kind: 'reason', action });
              else passOn.mutate(action);
            }}
          >
            {t(`loans.action.${action}`)}
          </Button>
        );
      })}
      {canPause && (
        <Button onClick={() => setAsking({ kind: 'hardship' })} data-testid="loan-hardship">
          {paused ? t('loans.resume') : t('loans.pause')}
        </Button>
      )}
      {asking?.kind === 'reason' && (
        <ReasonModal
          title={t(`loans.action.${asking.action}`)}
          hint={asking.action === 'withdraw' ? t('loans.withdrawHint') : t('loans.rejectHint')}
          okText={t(`loans.action.${asking.action}`)}
          danger
          onSubmit={async (reason) => refresh(await actOnLoan(loan.id, asking.action, reason))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'hardship' && (
        <ReasonModal
          title={paused ? t('loans.resume') : t('loans.pause')}
          hint={paused ? t('loans.resumeHint') : t('loans.pauseHint')}
          okText={paused ? t('loans.resume') : t('loans.pause')}
          onSubmit={async (reason) => refresh(await setHardship(loan.id, !paused, reason))}
          onClose={() => setAsking(null)}
        />
      )}
      {disbursing && <DisburseModal loan={loan} onDone={refresh} onClose={() => setDisbursing(false)} />}
    </Space>
  );
}
