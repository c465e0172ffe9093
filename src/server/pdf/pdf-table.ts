/** The colours of every printed report: text, secondary text, rules, the header row's fill. */
export const PDF_INK = '#1f2329';
export const PDF_MUTED = '#646a73';
export const PDF_LINE = '#dee0e3';
export const PDF_HEAD_FILL = '#f2f3f5';

export interface PdfColumn {
  header: string;
  /** A share of the table's width (the shares need not sum to anything). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface PdfRow {
  cells: readonly string[];
  /** The text colour of this row (e.g. red for an overdue order). */
  color?: string;
}

/** Where a table may be drawn: its left edge and width, the page's top margin and bottom edge. */
export interface PdfTableBox {
  left: number;
  width: number;
  pageTop: number;
  bottom: number;
}

const ROW_HEIGHT = 18;

/**
 * One table of one-line cells (too long a text ends in an ellipsis) from the document's current
 * y: a shaded header row, a rule under each row, and when a page fills up the table continues on
 * the next one with its header again. Returns the y under the last row.
 */
export function drawPdfTable(
  doc: PDFKit.PDFDocument,
  box: PdfTableBox,
  columns: readonly PdfColumn[],
  rows: readonly PdfRow[],
): number {
  const scale = box.width / columns.reduce((sum, column) => sum + column.width, 0);
  const drawRow = (cells: readonly string[], y: number, options: { head?: boolean; color?: string }) => {
    if (options.head) doc.rect(box.left, y, box.width, ROW_HEIGHT).fill(PDF_HEAD_FILL);
    doc.fontSize(options.head ? 8 : 9).fillColor(options.color ?? (options.head ? PDF_MUTED : PDF_INK));
    let x = box.left;
    columns.forEach((column, i) => {
      const w = column.width * scale;
      doc.text(cells[i] ?? '', x + 4, y + 5, {
        width: w - 8,
        align: column.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      x += w;
    });
    doc
      .moveTo(box.left, y + ROW_HEIGHT)
      .lineTo(box.left + box.width, y + ROW_HEIGHT)
      .lineWidth(0.5)
      .strokeColor(PDF_LINE)
      .stroke();
  };
  const header = columns.map((column) => column.header);
  let y = doc.y;
  drawRow(header, y, { head: true });
  y += ROW_HEIGHT;
  for (const row of rows) {
    if (y + ROW_HEIGHT > box.bottom) {
      doc.addPage();
      y = box.pageTop;
      drawRow(header, y, { head: true });
      y += ROW_HEIGHT;
    }
    drawRow(row.cells, y, row.color ? { color: row.color } : {});
    y += ROW_HEIGHT;
  }
  return y;
}
