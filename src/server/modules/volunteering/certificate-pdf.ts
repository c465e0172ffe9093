import { renderCertificatePdf } from '../../pdf/certificate.js';
import type { FontChoice } from '../cockpit/index.js';

export interface CertificateContent {
  serial: string;
  name: string;
  /** Masked as the register masks it. */
  idNumber: string;
  hours: number;
  services: number;
  content: string;
  periodFrom: string;
  periodTo: string;
  organization: string;
  issuedOn: string;
  verifyUrl: string;
}

/**
 * 志愿服务证明 as a one-page A4 PDF with the Chinese font embedded (a subset), in the wording of
 * the usual certificates: who (masked ID), how many hours in which period, doing what, issued by
 * which organization on which date, and the serial number with where to verify it.
 */
export function renderCertificate(input: CertificateContent, font: FontChoice): Promise<Buffer> {
  const hours = Number.isInteger(input.hours) ? String(input.hours) : input.hours.toFixed(1);
  return renderCertificatePdf(
    {
      title: '志愿服务证明',
      serial: input.serial,
      paragraphs: [
        `兹证明 ${input.name}（身份证号：${input.idNumber}）于 ${input.periodFrom} 至 ${input.periodTo} 期间，` +
          `在${input.organization}参加志愿服务 ${input.services} 次，累计服务时长 ${hours} 小时。`,
        `服务内容：${input.content}`,
        '特此证明。',
      ],
      signature: [`出具单位：${input.organization}`, `出具日期：${input.issuedOn}`],
      verifyLine: `本证明可在 ${input.verifyUrl} 输入编号核验真伪。`,
    },
    font,
  );
}
