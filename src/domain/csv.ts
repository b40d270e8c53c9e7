/**
 * The one CSV writer for every CSV a person opens (print manifests, card lists, reprint lists,
 * the quote sheet, 点题 downloads, the supervision report): UTF-8 with a BOM (Excel on Windows
 * otherwise reads Chinese as GBK), CRLF line ends, every field that needs it quoted. A text
 * cell starting with =, +, -, @, a tab or a carriage return is neutralised with a leading
 * apostrophe, so a topic or a title cannot run as a spreadsheet formula. Yes/no cells read 是/否.
 */

export type CsvCell = string | number | boolean | undefined;

function cell(value: CsvCell): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
