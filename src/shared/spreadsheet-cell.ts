/**
 * Text that a spreadsheet program would run as a formula when the cell is edited or the sheet is
 * saved as CSV: a leading =, +, -, @ (and tab or carriage return, which some programs skip before
 * looking). Exports put an apostrophe in front, which Excel and WPS show as plain text; the import
 * takes such an apostrophe off again, so an exported sheet imports to the same values.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value for an export: text neutralized, numbers and empty cells as they are. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutralizeFormula(value) : value;
}
