/**
 * Spreadsheet rows as the importer sees them, its problems — each naming the sheet, the row as
 * Excel numbers it, and the column by letter and header, so a clerk can find the cell — and
 * the plan it makes for a registry.
 */
import type { Severity } from '../diagnostics.ts';

export interface Sheet {
  /** The file (and worksheet) as shown in messages. */
  name: string;
  rows: { row: number; cells: string[] }[];
}

export interface ImportProblem {
  severity: Severity;
  sheet: string;
  row: number;
  /** Column letter and header, e.g. D 列（户数）; empty for a whole row. */
  column?: string;
  message: string;
  hint?: string;
}

/** What an import would do to a registry (units.yaml or boards.yaml), before anything is written. */
export interface RegistryPlan<T> {
  /** The registry after the import: existing records first (in their order), then the new ones. */
  records: T[];
  /** Indexes into `records` of the new records. */
  added: number[];
  /** Indexes of existing records the sheet changed, with what changed (in Chinese). */
  changed: Map<number, string[]>;
  unchanged: number;
  /** Records of the registry the sheet does not list: kept, and named so nobody is surprised. */
  notInSheet: string[];
  problems: ImportProblem[];
  /** The sheet row each imported record came from, for problems found in the merged registry. */
  rowOf: Map<number, number>;
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** Header texts accepted for this column, the first being the one in the template. */
  headers: readonly string[];
  required: boolean;
}

export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Headers compared without spaces, brackets' contents or units: “户数（户）” and “户 数” are 户数. */
const normaliseHeader = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '');

export interface HeaderMap<K extends string> {
  /** Column index of each key found. */
  columns: Map<K, number>;
  headerRow: number;
  problems: ImportProblem[];
}

/**
 * Finds the header row (the first row naming a required column) and where each column is.
 * Columns are matched by their Chinese headers, in any order; unknown headers are reported and ignored.
 */
export function mapHeaders<K extends string>(sheet: Sheet, specs: readonly ColumnSpec<K>[], what: string): HeaderMap<K> {
  const problems: ImportProblem[] = [];
  const find = (cells: string[], spec: ColumnSpec<K>) => cells.findIndex((c) => spec.headers.some((h) => normaliseHeader(c) === normaliseHeader(h)));
  const required = specs.filter((s) => s.required);
  const header = sheet.rows.slice(0, 10).find((r) => required.some((s) => find(r.cells, s) >= 0));
  const columns = new Map<K, number>();
  if (!header) {
    problems.push({
      severity: 'error',
      sheet: sheet.name,
      row: sheet.rows[0]?.row ?? 1,
      message: `找不到表头：前 10 行中没有“${required.map((s) => s.headers[0]).join('”“')}”这些列名`,
      hint: `第一行应当是表头。请从${what}模板复制表头（见 .github/guides/webmaster.md 的“表格模板”）。`,
    });
    return { columns, headerRow: 0, problems };
  }
  for (const spec of specs) {
    const i = find(header.cells, spec);
    if (i >= 0) columns.set(spec.key, i);
    else if (spec.required)
      problems.push({
        severity: 'error',
        sheet: sheet.name,
        row: header.row,
        message: `缺少“${spec.headers[0]}”列`,
        hint: `请在表头中加上“${spec.headers[0]}”这一列（列名要一字不差，顺序不限）。`,
      });
  }
  const known = new Set(columns.values());
  header.cells.forEach((c, i) => {
    if (c && !known.has(i))
      problems.push({
        severity: 'warning',
        sheet: sheet.name,
        row: header.row,
        column: `${columnLetter(i)} 列（${c}）`,
        message: `不认识的列“${c}”，这一列不会导入`,
        hint: `可以用的列名：${specs.map((s) => s.headers[0]).join('、')}。`,
      });
  });
  return { columns, headerRow: header.row, problems };
}
