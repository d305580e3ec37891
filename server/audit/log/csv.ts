// CSV for the auditors' export (issue 11), the way Excel with a Russian locale opens it: UTF-8 with a
// byte order mark (without it Excel reads Cyrillic as cp1251), `;` between cells (the Russian list
// separator: `,` is the decimal comma), CRLF between lines, RFC 4180 quoting. Pure.

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";

/**
 * One cell. A text that starts like a formula (= + - @, or a tab or carriage return that Excel
 * skips before one) gets a leading apostrophe, so a spreadsheet shows it and never evaluates it
 * (CSV injection: a name or a comment typed by anyone ends up in the auditor's spreadsheet). A cell
 * with the separator, a quote or a line break is quoted, its quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]) =>
  cells.map(csvCell).join(CSV_SEPARATOR) + "\r\n";
