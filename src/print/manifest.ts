/**
 * The printers' manifest: one row per board (file, trim size, pages, sheets, sha256, the
 * entries on it, overflow, whether it changed since the previous release) and one per unit's
 * household cards (imposition, households, sheets to print, …), as JSON for the website and
 * CSV for people (manifest.csv for boards, cards.csv for cards).
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

/** One unit's household cards: one front+back sheet pair, printed `sheets` times. */
export interface CardRow {
  unit: string;
  unit_name: string;
  town?: string;
  template: string;
  pdf: string;
  preview: string;
  trim_mm: string;
  bleed_mm: number;
  /** A4, A3 or SRA3, and which way up. */
  sheet: string;
  landscape: boolean;
  per_sheet: number;
  /** From units.yaml; without it `sheets` is unknown and left out. */
  households?: number;
  spare_percent: number;
  /** Sheets to print (each printed on both sides): ceil(households / per_sheet) plus the spare. */
  sheets?: number;
  body_pt: number;
  sha256: string;
  entries: string[];
  changed: boolean;
  /** Front entries and back items left off at the floor size. */
  overflow?: { entries: string[]; back: string[] };
  warning?: string;
}

export interface Manifest {
  /** The content date the boards show (--today), never the clock. */
  generated: string;
  boards: ManifestRow[];
  cards: CardRow[];
}

/** sha256 of each board (by id) and each card (by unit) in a previous manifest, if one exists and can be read. */
export function previousHashes(file: string | undefined): { boards: Map<string, string>; cards: Map<string, string> } | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as { boards?: unknown; cards?: unknown };
    const pairs = (rows: unknown, key: string) =>
      new Map(Array.isArray(rows) ? rows.flatMap((r: Record<string, unknown> | null) => (typeof r?.[key] === 'string' && typeof r.sha256 === 'string' ? [[r[key], r.sha256] as [string, string]] : [])) : []);
    return { boards: pairs(m.boards, 'id'), cards: pairs(m.cards, 'unit') };
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

const CARD_CSV_HEAD = ['单位标识', '单位', '所属镇', '模板', '文件', '预览', '成品尺寸（毫米）', '出血（毫米）', '纸张', '每张卡数', '户数', '备用（%）', '印张数（双面）', '正文字号（磅）', 'sha256', '条目', '自上次发布有变化', '排不下的条目', '排不下的背面内容', '提示'];

/** cards.csv: one row per unit's card sheets, for the print shop's order. */
export function cardsCsv(m: Manifest): string {
  const rows = m.cards.map((c) => [c.unit, c.unit_name, c.town, c.template, c.pdf, c.preview, c.trim_mm, c.bleed_mm, `${c.sheet}${c.landscape ? '横放' : '竖放'}`, c.per_sheet, c.households, c.spare_percent, c.sheets, c.body_pt, c.sha256, c.entries.join(' '), c.changed, c.overflow?.entries.join(' '), c.overflow?.back.join(' '), c.warning].map(cell).join(','));
  return `\ufeff${CARD_CSV_HEAD.join(',')}\n${rows.join('\n')}\n`;
}
