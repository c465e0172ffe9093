import { DeleteOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { subjectExport } from '../../api/persons';
import type { PersonDetail } from '../../api/types';
import { ReasonModal } from '../../components/ReasonModal';
import { useI18n } from '../../i18n/I18nProvider';
import { saveJson } from '../../lib/save-file';
import { useAnonymize } from './usePersonMutations';

interface Props {
  person: PersonDetail;
  canExport: boolean;
  canAnonymize: boolean;
}

/** The person's rights over their data: a copy of everything held (.json), or anonymization. */
export function SubjectRequestsCard({ person, canExport, canAnonymize }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'export' | 'anonymize' | null>(null);
  const anonymize = useAnonymize(person.id);
  if (!canExport && !canAnonymize) return null;

  const exportData = async (reason: string) => {
    const data = await subjectExport(person.id, reason);
    saveJson(data, t('subject.fileName', { name: person.name }));
    void message.success(t('subject.exported'));
  };

  return (
    <Card title={t('subject.title')} style={{ marginTop: 16 }} data-testid="subject-card">
      <Typography.Paragraph type="secondary">{t('subject.hint')}</Typography.Paragraph>
      <Space wrap>
        {canExport && (
          <Button icon={<ExportOutlined />} onClick={() => setDialog('export')} data-testid="subject-export">
            {t('subject.export')}
          </Button>
        )}
        {canAnonymize && person.status !== 'anonymized' && (
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() => setDialog('anonymize')}
            data-testid="subject-anonymize"
          >
            {t('subject.anonymize')}
          </Button>
        )}
      </Space>
      {dialog === 'export' && (
        <ReasonModal
          title={t('subject.exportTitle', { name: person.name })}
          hint={t('subject.exportHint')}
          okText={t('subject.export')}
          onSubmit={exportData}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'anonymize' && (
        <ReasonModal
          title={t('subject.anonymizeTitle', { name: person.name })}
          hint={t('subject.anonymizeHint')}
          okText={t('subject.anonymize')}
          danger
          confirmLabel={t('subject.anonymizeConfirm')}
          onSubmit={async (reason) => {
            await anonymize.mutateAsync(reason);
            void message.success(t('subject.anonymized'));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
