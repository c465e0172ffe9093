import PDFDocument from 'pdfkit';
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
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { Title: `志愿服务证明 ${input.serial}`, Author: 'Lianxin', Creator: 'Lianxin' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.name ?? '');
  doc.font('cjk');
  doc.fontSize(26).text('志愿服务证明', { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(10).fillColor('#555').text(`编号：${input.serial}`, { align: 'center' });
  doc.moveDown(2);
  doc.fillColor('#000').fontSize(14);
  const hours = Number.isInteger(input.hours) ? String(input.hours) : input.hours.toFixed(1);
  doc.text(
    `兹证明 ${input.name}（身份证号：${input.idNumber}）于 ${input.periodFrom} 至 ${input.periodTo} 期间，` +
      `在${input.organization}参加志愿服务 ${input.services} 次，累计服务时长 ${hours} 小时。`,
    { lineGap: 8 },
  );
  doc.moveDown();
  doc.text(`服务内容：${input.content}`, { lineGap: 8 });
  doc.moveDown();
  doc.text('特此证明。', { lineGap: 8 });
  doc.moveDown(4);
  doc.text(`出具单位：${input.organization}`, { align: 'right' });
  doc.text(`出具日期：${input.issuedOn}`, { align: 'right' });
  doc.moveDown(4);
  doc
    .fontSize(10)
    .fillColor('#555')
    .text(`本证明可在 ${input.verifyUrl} 输入编号核验真伪。`, { align: 'left' });
  doc.end();
  return done;
}
