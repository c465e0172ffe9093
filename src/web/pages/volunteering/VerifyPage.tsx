import { verifyCertificate } from '../../api/volunteering';
import { CertificateVerifyForm } from '../../components/CertificateVerifyForm';
import { useI18n } from '../../i18n/I18nProvider';

/** The public page (no sign-in) that confirms a certificate's serial: masked name, hours, issuer, date. */
export function VerifyPage() {
  const { t } = useI18n();
  return (
    <CertificateVerifyForm
      words={{
        title: 'vol.verify.title',
        serial: 'vol.verify.serial',
        check: 'vol.verify.check',
        valid: 'vol.verify.valid',
        notFound: 'vol.verify.notFound',
      }}
      verify={verifyCertificate}
      facts={(certificate) => [
        { label: t('vol.name'), value: certificate.name },
        { label: t('vol.hours'), value: certificate.hours },
        { label: t('vol.verify.organization'), value: certificate.organization },
        { label: t('vol.certificate.issuedOn'), value: certificate.issuedOn },
      ]}
    />
  );
}
