/**
 * A chart's figures as a screen reader reads them (issue 17, WCAG 1.1.1): a drawing on a canvas is
 * only a picture, so the chart is named (role="img" with an aria-label) and its figures follow as
 * a table that is in the page for assistive technology but not drawn (`lx-visually-hidden`).
 */
export interface ChartFigures {
  /** What the chart shows, in words: its aria-label and the table's caption. */
  label: string;
  /** The column headings: what a row is (month, region), then each figure's name. */
  columns: string[];
  /** One row per month or region: its name first, then the figures as the chart labels them. */
  rows: (string | number)[][];
}

export function ChartFiguresTable({ figures }: { figures: ChartFigures }) {
  return (
    <table className="lx-visually-hidden">
      <caption>{figures.label}</caption>
      <thead>
        <tr>
          {figures.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {figures.rows.map(([head, ...cells]) => (
          <tr key={String(head)}>
            <th scope="row">{head}</th>
            {cells.map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
