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

/** An exported cell read back on import: the apostrophe an export put in front is taken off. */
export function restoreFormulaText(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
