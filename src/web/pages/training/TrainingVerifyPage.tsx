import { verifyTrainingCertificate } from '../../api/training';
import { CertificateVerifyForm } from '../../components/CertificateVerifyForm';
import { useI18n } from '../../i18n/I18nProvider';

/** The public page (no sign-in) that confirms a training certificate: masked name, course, date. */
export function TrainingVerifyPage() {
  const { t } = useI18n();
  return (
    <CertificateVerifyForm
      words={{
        title: 'training.verify.title',
        serial: 'training.verify.serial',
        check: 'training.verify.check',
        valid: 'training.verify.valid',
        notFound: 'training.verify.notFound',
      }}
      verify={verifyTrainingCertificate}
      facts={(certificate) => [
        { label: t('training.name'), value: certificate.name },
        { label: t('training.course'), value: certificate.course },
        { label: t('training.completedOn'), value: certificate.completedOn },
      ]}
    />
  );
}
