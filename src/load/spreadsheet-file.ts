/**
 * A county's spreadsheet as rows of text: .xlsx (every worksheet, read by SheetJS; the importer
 * finds the data sheet by its headers) or .csv as Excel saves it — UTF-8 with or without BOM, or
 * GBK (“CSV（逗号分隔）” on a Chinese Windows). Cells are kept as the text Excel shows, spaces
 * included (the importer trims them and says so), with sheet name and row number for messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UsageError } from '../errors.ts';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Sheet } from '../domain/import/sheet.ts';

export async function readWorkbook(file: string): Promise<Sheet[]> {
  if (!existsSync(file)) throw new UsageError(`找不到表格文件“${file}”。请确认文件名和路径（可以从文件管理器里复制路径）。`);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return [{ name: basename(file), rows: parseCsv(decodeCsv(readFileSync(file), file)) }];
  if (ext === '.xlsx') return readXlsx(file);
  if (ext === '.xls' || ext === '.et' || ext === '.wps')
    throw new UsageError(`“${basename(file)}”是旧版 Excel/WPS 格式，不能直接读取。请在 Excel 或 WPS 中“另存为” .xlsx（Excel 工作簿）后再导入。`);
  throw new UsageError(`“${basename(file)}”不是 .xlsx 或 .csv 表格。请用 Excel/WPS 另存为 .xlsx 后再导入。`);
}

async function readXlsx(file: string): Promise<Sheet[]> {
  const XLSX = await import('@e965/xlsx');
  const bytes = readFileSync(file);
  const broken = () =>
    new UsageError(`无法打开“${basename(file)}”：文件已损坏，或者不是真正的 .xlsx 文件（例如改了扩展名）。请用 Excel/WPS 打开后重新另存为 .xlsx。`);
  // An .xlsx is a zip archive; SheetJS would read any other bytes as text (a renamed .txt as a one-column sheet).
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw broken();
  let book: WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellHTML: false, cellText: true });
  } catch {
    throw broken();
  }
  if (!book.SheetNames.length) throw new UsageError(`“${basename(file)}”里没有工作表。`);
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return book.SheetNames.map((name) => {
    const ws = book.Sheets[name]!;
    return { name: `${basename(file)} 的工作表“${name}”`, title: name, rows: sheetRows(XLSX, ws, date1904) };
  });
}

type Xlsx = typeof import('@e965/xlsx');
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text: strings as typed (rich text as its plain text), formulas as their last
 * result, numbers as they are stored (4300, not a thousands-separated 4,300), errors as Excel
 * shows them (#N/A), and dates — numbers in a date format — as 2026-12-01, 2026-12-01 09:30 or
 * 09:30, whatever their display format.
 */
function cellText(XLSX: Xlsx, cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'e') return cell.w ?? '';
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
    const d = XLSX.SSF.parse_date_code(cell.v, { date1904 });
    const time = d.H || d.M || d.S ? `${pad(d.H)}:${pad(d.M)}${d.S ? `:${pad(d.S)}` : ''}` : '';
    // A time alone is stored as a fraction of day 0.
    if (cell.v < 1) return time;
    const day = `${d.y}-${pad(d.m)}-${pad(d.d)}`;
    return time ? `${day} ${time}` : day;
  }
  return String(cell.v);
}

/**
 * The worksheet's rows with something in them, numbered as Excel numbers them. A merged
 * range shows its text in every cell it covers: a 上级单位 merged down a town's villages
 * belongs to each of them.
 */
function sheetRows(XLSX: Xlsx, ws: WorkSheet, date1904: boolean): Sheet['rows'] {
  if (!ws['!ref']) return [];
  const range = XLSX.utils.decode_range(ws['!ref']);
  const grid: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    for (let c = 0; c <= range.e.c; c++) cells.push(cellText(XLSX, ws[XLSX.utils.encode_cell({ r, c })] as CellObject | undefined, date1904));
    grid[r] = cells;
  }
  for (const m of ws['!merges'] ?? []) {
    const text = grid[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= Math.min(m.e.r, range.e.r); r++) for (let c = m.s.c; c <= Math.min(m.e.c, range.e.c); c++) grid[r]![c] = text;
  }
  const rows: Sheet['rows'] = [];
  grid.forEach((cells, r) => {
    // Columns past a row's last filled cell are left out, as the sheet shows them.
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c.trim())) rows.push({ row: r + 1, cells });
  });
  return rows;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Excel on a Chinese Windows saves “CSV” in GBK; “CSV UTF-8” with a BOM. Neither says which, so UTF-8 is tried first (GBK text is almost never valid UTF-8). */
function decodeCsv(buf: Buffer, file: string): string {
  const body = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf;
  try {
    return utf8.decode(body);
  } catch {
    try {
      return gb18030.decode(body);
    } catch {
      throw new UsageError(`“${basename(file)}”既不是 UTF-8 也不是 GBK 编码的 CSV。请用 Excel/WPS 打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx。`);
    }
  }
}

/**
 * RFC 4180 as Excel writes it: quoted fields may hold commas, doubled quotes and line breaks.
 * Rows are numbered as Excel shows them — a line break inside quotes stays in its row, blank
 * lines count — so “第 N 行” in a message is the row the clerk sees.
 */
export function parseCsv(text: string): Sheet['rows'] {
  const rows: Sheet['rows'] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row, cells });
    cells = [];
    cell = '';
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}
