/**
 * Spreadsheet rows as the importer sees them, its problems — each naming the sheet, the row as
 * Excel numbers it, and the column by letter and header, so a clerk can find the cell — and
 * the plan it makes for a registry.
 */
import type { Severity } from '../diagnostics.ts';

export interface Sheet {
  /** The file (and worksheet) as shown in messages. */
  name: string;
  /** The worksheet's own name in a workbook (what --sheet names); absent for a .csv. */
  title?: string;
  /** Cells as typed, spaces included: the importer trims them and says so in the dry run. */
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
  /** Values of new or changed records the importer had to read into another form (4300户 → 4300), by record. */
  conversions: Map<number, string[]>;
  /** The sheet column a record's field came from (phone → E 列（电话）), for problems found in the merged registry. */
  fieldColumns: Map<string, string>;
  /** Units the sheet renamed (原名称) to a new id: their folders, boards and CODEOWNERS lines follow. */
  renames?: { from: string; to: string; oldName: string; newName: string }[];
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** Header texts accepted for this column, the first being the one in the template. */
  headers: readonly string[];
  required: boolean;
  /** A column that may stand in for this required one (one 尺寸 column for 宽 and 高). */
  alternative?: K;
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
  // The header row is the first naming a required column (or one that stands in for one).
  const markers = specs.filter((s) => s.required || specs.some((o) => o.alternative === s.key));
  const header = sheet.rows.slice(0, 10).find((r) => markers.some((s) => find(r.cells, s) >= 0));
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
  }
  // One problem per missing column (or per pair a single column may replace), never one per row.
  const missing = specs.filter((s) => s.required && !columns.has(s.key) && !(s.alternative && columns.has(s.alternative)));
  const alternatives = new Set(missing.flatMap((s) => (s.alternative ? [s.alternative] : [])));
  const plain = missing.filter((s) => !s.alternative);
  for (const spec of plain)
    problems.push({
      severity: 'error',
      sheet: sheet.name,
      row: header.row,
      message: `缺少“${spec.headers[0]}”列`,
      hint: `请在表头中加上“${spec.headers[0]}”这一列（列名要一字不差，顺序不限）。`,
    });
  for (const alt of alternatives) {
    const pair = missing.filter((s) => s.alternative === alt).map((s) => `“${s.headers[0]}”`);
    const altSpec = specs.find((s) => s.key === alt)!;
    problems.push({
      severity: 'error',
      sheet: sheet.name,
      row: header.row,
      message: `缺少${pair.join('')}列`,
      hint: `请在表头中加上${pair.join('和')}列，或者用一列“${altSpec.headers[0]}”把它们写在一个格子里（列名要一字不差，顺序不限）。`,
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

export type SheetChoice = { sheet: Sheet; note?: string } | { problem: string; hint: string };

/**
 * The worksheet to import from a workbook: the one `wanted` names (by name, or by number from 1),
 * else the one whose header row has every required column, wherever it is — a first sheet of
 * instructions (说明) does not hide it. Two such sheets are a question for the person, not a pick.
 */
export function chooseSheet<K extends string>(
  file: string,
  sheets: readonly Sheet[],
  specs: readonly ColumnSpec<K>[],
  what: string,
  wanted?: string,
): SheetChoice {
  const titles = sheets.map((s) => `“${s.title ?? s.name}”`).join('、');
  if (sheets.length === 0) return { problem: `“${file}”里没有工作表`, hint: '请用 Excel 或 WPS 打开它，确认表格内容后重新保存。' };
  if (wanted !== undefined && sheets.some((s) => s.title !== undefined)) {
    const key = wanted.normalize('NFKC').trim();
    const n = /^\d+$/.test(key) ? Number(key) : 0;
    const sheet = sheets.find((s) => s.title?.normalize('NFKC').trim() === key) ?? (n >= 1 ? sheets[n - 1] : undefined);
    if (!sheet)
      return { problem: `“${file}”里没有叫“${wanted}”的工作表`, hint: `这个文件里的工作表：${titles}。请照着写工作表的名称，或写第几个（例如 --sheet 2）。` };
    return { sheet };
  }
  if (sheets.length === 1) return { sheet: sheets[0]! };
  const scored = sheets.map((sheet, i) => {
    const m = mapHeaders(sheet, specs, what);
    return { sheet, i, complete: m.headerRow > 0 && !m.problems.some((p) => p.severity === 'error'), found: m.columns.size };
  });
  const complete = scored.filter((s) => s.complete);
  if (complete.length > 1)
    return {
      problem: `“${file}”有 ${complete.length} 个工作表都有${what}的表头：${complete.map((s) => `“${s.sheet.title}”`).join('、')}`,
      hint: `请用 --sheet 指定导入哪一个，例如 --sheet ${complete[complete.length - 1]!.sheet.title}。`,
    };
  const best = complete[0] ?? [...scored].sort((a, b) => b.found - a.found)[0]!;
  const tied = scored.filter((s) => s.found === best.found).length > 1;
  if (!best.found || (!best.complete && tied))
    return {
      problem: `在“${file}”的 ${sheets.length} 个工作表（${titles}）里都找不到${what}的表头（${specs
        .filter((s) => s.required)
        .map((s) => `“${s.headers[0]}”`)
        .join('')}）`,
      hint: `表头要写在工作表的前 10 行；请用 --sheet 指定数据所在的工作表，例如 --sheet ${sheets[sheets.length - 1]!.title}。`,
    };
  return {
    sheet: best.sheet,
    ...(best.i > 0 ? { note: `读取第 ${best.i + 1} 个工作表“${best.sheet.title}”（按表头找到；要读别的工作表，用 --sheet 指定）。` } : {}),
  };
}
