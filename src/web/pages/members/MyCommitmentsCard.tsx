import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { myCommitmentsQuery } from '../../api/member-workflows';
import type { Commitment } from '../../api/organization-types';
import { useI18n } from '../../i18n/I18nProvider';
import { CommitmentModal } from './CommitmentModal';
import { CommitmentsList } from './CommitmentsList';
import { ProgressModal } from './ProgressModal';

/** The member's own commitments: add one, report progress. */
export function MyCommitmentsCard({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const commitments = useQuery(myCommitmentsQuery);
  const [adding, setAdding] = useState(false);
  const [progressing, setProgressing] = useState<Commitment | null>(null);
  return (
    <>
      <CommitmentsList
        commitments={commitments.data ?? []}
        loading={commitments.isPending}
        onProgress={setProgressing}
        extra={
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="commitment-add"
          >
            {t('commitment.add')}
          </Button>
        }
      />
      {adding && <CommitmentModal memberId={memberId} onClose={() => setAdding(false)} />}
      {progressing && <ProgressModal commitment={progressing} onClose={() => setProgressing(null)} />}
    </>
  );
}
