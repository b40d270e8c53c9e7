/**
 * A county's spreadsheet as rows of text: .xlsx (every worksheet, read by exceljs; the importer
 * finds the data sheet by its headers) or .csv as Excel saves it — UTF-8 with or without BOM, or
 * GBK (“CSV（逗号分隔）” on a Chinese Windows). Cells are kept as the text Excel shows, spaces
 * included (the importer trims them and says so), with sheet name and row number for messages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UsageError } from '../errors.ts';
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
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch {
    throw new UsageError(`无法打开“${basename(file)}”：文件已损坏，或者不是真正的 .xlsx 文件（例如改了扩展名）。请用 Excel/WPS 打开后重新另存为 .xlsx。`);
  }
  if (!book.worksheets.length) throw new UsageError(`“${basename(file)}”里没有工作表。`);
  return book.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      // cell.text is what Excel shows: formula results, rich text and numbers as displayed.
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text);
      if (cells.some((c) => c.trim())) rows.push({ row: number, cells });
    });
    return { name: `${basename(file)} 的工作表“${ws.name}”`, title: ws.name, rows };
  });
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
