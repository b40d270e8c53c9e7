/**
 * The printers' manifest: one row per board (file, trim size, pages, sheets, sha256, the
 * entries on it, overflow, whether it changed since the previous release), as JSON for the
 * website and CSV for people.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface ManifestRow {
  id: string;
  unit: string;
  unit_name: string;
  town?: string;
  template: string;
  /** Site-relative paths (without a leading slash). */
  pdf: string;
  tiles?: string;
  preview: string;
  trim_mm: string;
  bleed_mm: number;
  pages: number;
  sheets: number;
  body_pt: number;
  sha256: string;
  entries: string[];
  changed: boolean;
  overflow?: { entries: string[]; mm: number };
  warning?: string;
}

export interface Manifest {
  /** The content date the boards show (--today), never the clock. */
  generated: string;
  boards: ManifestRow[];
}

/** sha256 of each board in a previous manifest, if one exists and can be read. */
export function previousHashes(file: string | undefined): Map<string, string> | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { boards?: { id?: unknown; sha256?: unknown }[] };
    return new Map((m.boards ?? []).flatMap((b) => (typeof b.id === 'string' && typeof b.sha256 === 'string' ? [[b.id, b.sha256] as [string, string]] : [])));
  } catch {
    return undefined;
  }
}

const CSV_HEAD = ['公开栏', '单位', '所属镇', '模板', '文件', '拼贴文件', '成品尺寸（毫米）', '出血（毫米）', '页数', '印张数', '正文字号（磅）', 'sha256', '条目', '自上次发布有变化', '排不下的条目', '超出（毫米）', '提示'];

const cell = (v: string | number | boolean | undefined): string => {
  const s = v === undefined ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function manifestCsv(m: Manifest): string {
  const rows = m.boards.map((b) => [b.id, b.unit_name, b.town, b.template, b.pdf, b.tiles, b.trim_mm, b.bleed_mm, b.pages, b.sheets, b.body_pt, b.sha256, b.entries.join(' '), b.changed, b.overflow?.entries.join(' '), b.overflow?.mm, b.warning].map(cell).join(','));
  // A byte-order mark so spreadsheet programs on office PCs open the Chinese text correctly.
  return `\ufeff${CSV_HEAD.join(',')}\n${rows.join('\n')}\n`;
}
