import { renderCertificatePdf } from '../../pdf/certificate.js';
import type { FontChoice } from '../cockpit/index.js';

export interface TrainingCertificateContent {
  serial: string;
  name: string;
  /** Masked as the register masks it. */
  idNumber: string;
  course: string;
  sessions: number;
  attended: number;
  completedOn: string;
  skills: string[];
  verifyUrl: string;
}

/**
 * 培训结业证书 as a one-page A4 PDF with the Chinese font embedded: who (masked ID), which course,
 * how many sessions attended, the skills taught, the date, and the serial with where to verify it.
 */
export function renderTrainingCertificate(
  input: TrainingCertificateContent,
  font: FontChoice,
): Promise<Buffer> {
  return renderCertificatePdf(
    {
      title: '培训结业证书',
      serial: input.serial,
      paragraphs: [
        `兹证明 ${input.name}（身份证号：${input.idNumber}）参加“${input.course}”培训，` +
          `出勤 ${input.attended}/${input.sessions} 课次，经考核合格，准予结业。`,
        ...(input.skills.length > 0 ? [`培训内容：${input.skills.join('、')}`] : []),
      ],
      signature: [`结业日期：${input.completedOn}`],
      verifyLine: `本证书可在 ${input.verifyUrl} 输入编号核验真伪。`,
    },
    font,
  );
}
