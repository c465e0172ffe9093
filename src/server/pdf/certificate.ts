import PDFDocument from 'pdfkit';
import type { FontChoice } from '../modules/cockpit/index.js';

/** What a certificate says; the layout is the same for every kind (volunteering, training). */
export interface CertificateLayout {
  title: string;
  serial: string;
  /** The body, paragraph by paragraph. */
  paragraphs: string[];
  /** Right-aligned lines under the body: who issued it, when. */
  signature: string[];
  /** The last line: where the serial can be verified. */
  verifyLine: string;
}

/**
 * A certificate as a one-page A4 PDF with the Chinese font embedded (a subset): title, serial,
 * body, signature lines and the line that says where to verify it.
 */
export function renderCertificatePdf(layout: CertificateLayout, font: FontChoice): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { Title: `${layout.title} ${layout.serial}`, Author: 'Lianxin', Creator: 'Lianxin' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.name ?? '');
  doc.font('cjk');
  doc.fontSize(26).text(layout.title, { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(10).fillColor('#555').text(`编号：${layout.serial}`, { align: 'center' });
  doc.moveDown(2);
  doc.fillColor('#000').fontSize(14);
  layout.paragraphs.forEach((paragraph, index) => {
    if (index > 0) doc.moveDown();
    doc.text(paragraph, { lineGap: 8 });
  });
  doc.moveDown(4);
  for (const line of layout.signature) doc.text(line, { align: 'right' });
  doc.moveDown(4);
  doc.fontSize(10).fillColor('#555').text(layout.verifyLine, { align: 'left' });
  doc.end();
  return done;
}
