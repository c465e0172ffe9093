import { Button, List } from 'antd';
import type { Certificate } from '../../../shared/api/volunteering';
import { download } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { saveFile } from '../../lib/save-file';

/** The signed-in member's service certificates, each with its PDF (my volunteering, my time bank). */
export function MyCertificatesList({ certificates }: { certificates: readonly Certificate[] }) {
  const { t } = useI18n();
  return (
    <List
      dataSource={[...certificates]}
      locale={{ emptyText: t('timebank.noCertificates') }}
      renderItem={(c) => (
        <List.Item
          actions={[
            <Button
              key="pdf"
              size="small"
              onClick={async () =>
                saveFile(
                  await download('GET', `/api/me/volunteering/certificates/${c.id}/pdf`, `${c.serial}.pdf`),
                )
              }
            >
              {t('vol.mine.download')}
            </Button>,
          ]}
        >
          {`${c.serial} · ${c.teamName} · ${Math.round((c.minutes / 60) * 10) / 10} h · ${c.issuedOn}`}
        </List.Item>
      )}
    />
  );
}
