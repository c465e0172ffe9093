import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import type { Certificate, Volunteer } from '../../../shared/api/volunteering';
import { certificatePdfUrl, issueCertificate, volunteeringKeys } from '../../api/volunteering';
import { FormModal, useModalForm } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  from: string;
  to: string;
  content?: string;
}

/** Today in Beijing, the calendar certificates are written in (`YYYY-MM-DD`). */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 开具证明: the period (native date fields: phones show their own picker) and, optionally, the
 * service content in the issuer's words. The server sums the confirmed services of the period
 * and answers the certificate with its serial; `onIssued` shows it.
 */
export function IssueCertificateModal({
  volunteer,
  onIssued,
  onClose,
}: {
  volunteer: Volunteer;
  onIssued: (certificate: Certificate) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, formError, run } = useModalForm<Values>(['from', 'to', 'content'], onClose);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      issueCertificate(volunteer.id, {
        from: v.from,
        to: v.to,
        ...(v.content?.trim() ? { content: v.content.trim() } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: volunteeringKeys.all }),
  });
  const today = beijingToday();
  return (
    <FormModal<Values>
      title={t('vol.certificate.title', { name: volunteer.name })}
      form={form}
      formError={formError}
      pending={mutation.isPending}
      onFinish={(v) =>
        run(mutation, v, (certificate) => {
          onIssued(certificate);
          return null;
        })
      }
      onClose={onClose}
      initialValues={{ from: `${today.slice(0, 4)}-01-01`, to: today }}
      okText={t('vol.certificate.issue')}
      okButtonProps={{ 'data-testid': 'certificate-submit' }}
    >
      <Flex gap={8} wrap>
        <Form.Item
          name="from"
          label={t('vol.certificate.from')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 140px' }}
        >
          <Input type="date" data-testid="certificate-from" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('vol.certificate.to')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 140px' }}
        >
          <Input type="date" data-testid="certificate-to" />
        </Form.Item>
      </Flex>
      <Form.Item name="content" label={t('vol.certificate.content')} extra={t('vol.certificate.contentHint')}>
        <Input.TextArea rows={3} maxLength={500} data-testid="certificate-content" />
      </Form.Item>
    </FormModal>
  );
}

/** The certificate just issued: its serial, the PDF, and the public page that confirms it. */
export function CertificateIssuedModal({
  certificate,
  onClose,
}: {
  certificate: Certificate;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const verifyUrl = `/verify?serial=${encodeURIComponent(certificate.serial)}`;
  return (
    <Modal
      open
      title={t('vol.certificate.issued')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="certificate-done">
          {t('vol.certificate.close')}
        </Button>
      }
    >
      <Descriptions size="small" column={1} data-testid="certificate-issued">
        <Descriptions.Item label={t('vol.certificate.serial')}>
          <Typography.Text strong copyable data-testid="certificate-serial">
            {certificate.serial}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('vol.certificate.hours')}>
          {t('vol.certificate.hoursValue', {
            hours: Math.round((certificate.minutes / 60) * 10) / 10,
            services: certificate.services,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('vol.certificate.period')}>
          {`${certificate.periodFrom} – ${certificate.periodTo}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('vol.certificate.content')}>{certificate.content}</Descriptions.Item>
        <Descriptions.Item label={t('vol.certificate.issuedOn')}>{certificate.issuedOn}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          href={certificatePdfUrl(certificate.id)}
          download={`${certificate.serial}.pdf`}
          data-testid="certificate-pdf"
        >
          {t('vol.certificate.download')}
        </Button>
        <Button
          type="link"
          href={verifyUrl}
          target="_blank"
          rel="noreferrer"
          data-testid="certificate-verify"
        >
          {t('vol.certificate.verify')}
        </Button>
      </Space>
    </Modal>
  );
}
