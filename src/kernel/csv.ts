/**
 * The one CSV writer: every export goes through here, so every export is safe to
 * open in Excel, LibreOffice or WPS. A test fails if anything else imports csv-stringify.
 *
 * - Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @, a tab
 *   or a carriage return is read as a formula by spreadsheet programs, so a member's
 *   display name or an appeal reason like `=HYPERLINK("http://evil", "x")` would run
 *   on an operator's computer. Such cells get a leading single quote, which spreadsheets
 *   show as text. Numbers are written as they are (a negative number is not a formula).
 * - Encoding: a UTF-8 byte-order mark first, or Excel reads 中文 names as mojibake.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet cannot take for a formula; other values unchanged. */
export function neutralizeCell(value: CsvCell): CsvCell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A whole CSV document: BOM, header row of `columns`, then `rows` (one array of cells per row, in column order). */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return csvHead(columns) + csvRows(rows);
}

/** The start of a CSV document written in pieces (a long export streamed page by page): BOM and header row. */
export function csvHead(columns: readonly string[]): string {
  return '\uFEFF' + stringify([columns.map(neutralizeCell)]);
}

/** More rows of a document begun with `csvHead`. */
export function csvRows(rows: Iterable<readonly CsvCell[]>): string {
  return stringify(Array.from(rows, (row) => row.map(neutralizeCell)), { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
