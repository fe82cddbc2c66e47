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

/**
 * A mainland mobile number as spreadsheets keep it: 138 0013 8000. Excel and WPS read 13800138000 as a number and
 * show 1.38E+10; with spaces it stays text, reads the way people say it, and still dials when copied. Anything else
 * (an empty phone of a cancelled booking) is left as it is.
 */
export function phoneAsText(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
