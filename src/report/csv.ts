/**
 * CSV for spreadsheets clerks actually use: UTF-8 with a BOM (Excel on Windows otherwise
 * reads Chinese as GBK), CRLF line ends, and every field that needs it quoted.
 * A leading =, +, - or @ is neutralised so a topic cannot run as a spreadsheet formula.
 */

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
