/**
 * Import templates mark their required columns with a trailing * (the import pages say "带 * 的列
 * 必填"); reading a file, a heading is the column's name with or without it, so a file made from
 * the template and one typed by hand (or exported by the platform) read alike.
 */
const REQUIRED_MARK = /\s*[*＊]\s*$/;

export const markedHeading = (column: string, required: boolean): string =>
  required ? `${column}*` : column;

/** A heading read from a file, as the column's name: "姓名*" and "姓名" are both 姓名. */
export const columnOfHeading = (heading: string): string => heading.replace(REQUIRED_MARK, '');
