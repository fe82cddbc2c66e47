/**
 * CSV that opens right in Excel (the staff's tool): UTF-8 with a byte-order mark so Chinese is not garbled,
 * CRLF line ends, every cell quoted. A cell that starts with = + - @ tab or CR could run as a formula
 * (CSV/formula injection, OWASP); it gets a leading apostrophe so Excel shows it as text.
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
