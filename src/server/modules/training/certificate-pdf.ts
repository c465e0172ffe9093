import PDFDocument from 'pdfkit';
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
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { Title: `培训结业证书 ${input.serial}`, Author: 'Lianxin', Creator: 'Lianxin' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.name ?? '');
  doc.font('cjk');
  doc.fontSize(26).text('培训结业证书', { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(10).fillColor('#555').text(`编号：${input.serial}`, { align: 'center' });
  doc.moveDown(2);
  doc.fillColor('#000').fontSize(14);
  doc.text(
    `兹证明 ${input.name}（身份证号：${input.idNumber}）参加“${input.course}”培训，` +
      `出勤 ${input.attended}/${input.sessions} 课次，经考核合格，准予结业。`,
    { lineGap: 8 },
  );
  if (input.skills.length > 0) {
    doc.moveDown();
    doc.text(`培训内容：${input.skills.join('、')}`, { lineGap: 8 });
  }
  doc.moveDown(4);
  doc.text(`结业日期：${input.completedOn}`, { align: 'right' });
  doc.moveDown(4);
  doc
    .fontSize(10)
    .fillColor('#555')
    .text(`本证书可在 ${input.verifyUrl} 输入编号核验真伪。`, { align: 'left' });
  doc.end();
  return done;
}
