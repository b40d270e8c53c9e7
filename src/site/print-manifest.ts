/**
 * What the print stage produced, read from print/manifest.json at build time (the print
 * stage is written separately; its manifest is read tolerantly so either stage can land
 * first). Without a manifest the pages say the print files are not yet generated instead
 * of linking to files that do not exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PrintedBoard {
  id: string;
  /** Site-relative paths, without a leading slash. */
  pdf: string;
  preview?: string;
  /** Whether the poster differs from the last release; undefined when the manifest does not say. */
  changed?: boolean;
}

export interface PrintedCard {
  unit: string;
  pdf: string;
  preview?: string;
  /** Trim size (90×54), and how the sheet is imposed (A4竖放 8张). */
  trim?: string;
  sheet?: string;
  perSheet?: number;
  households?: number;
  /** Sheets to print; undefined when the unit's households are not known. */
  sheets?: number;
  changed?: boolean;
  /** Whether something did not fit on the card at the floor size. */
  overflow?: boolean;
}

export interface PrintManifest {
  generated?: string;
  boards: Map<string, PrintedBoard>;
  cards: Map<string, PrintedCard>;
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const rel = (p: string): string => p.replace(/^\/+/, '').replace(/^dist\//, '');

function records(v: unknown): Raw[] {
  if (Array.isArray(v)) return v.filter((x): x is Raw => typeof x === 'object' && x !== null);
  if (v && typeof v === 'object') return Object.entries(v as Raw).map(([id, x]) => ({ id, ...(typeof x === 'object' && x ? (x as Raw) : {}) }));
  return [];
}

export function parsePrintManifest(json: unknown): PrintManifest {
  const root = (json && typeof json === 'object' ? json : {}) as Raw;
  const boards = new Map<string, PrintedBoard>();
  for (const b of records(root.boards)) {
    const id = str(b.id) ?? str(b.board);
    if (!id) continue;
    const changed = typeof b.changed === 'boolean' ? b.changed : undefined;
    const preview = str(b.preview) ?? str(b.png);
    boards.set(id, { id, pdf: rel(str(b.pdf) ?? str(b.file) ?? `print/boards/${id}.pdf`), ...(preview ? { preview: rel(preview) } : {}), ...(changed === undefined ? {} : { changed }) });
  }
  const cards = new Map<string, PrintedCard>();
  for (const c of records(root.cards)) {
    const unit = str(c.unit) ?? str(c.id);
    if (!unit) continue;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const preview = str(c.preview);
    const trim = str(c.trim_mm);
    const sheet = str(c.sheet);
    const extra = {
      ...(preview ? { preview: rel(preview) } : {}),
      ...(trim ? { trim } : {}),
      ...(sheet ? { sheet: `${sheet}${c.landscape === true ? '横放' : '竖放'}` } : {}),
      ...(num(c.per_sheet) === undefined ? {} : { perSheet: num(c.per_sheet)! }),
      ...(num(c.households) === undefined ? {} : { households: num(c.households)! }),
      ...(num(c.sheets) === undefined ? {} : { sheets: num(c.sheets)! }),
      ...(typeof c.changed === 'boolean' ? { changed: c.changed } : {}),
      ...(c.overflow && typeof c.overflow === 'object' ? { overflow: true } : {}),
    };
    cards.set(unit, { unit, pdf: rel(str(c.pdf) ?? str(c.file) ?? `print/cards/${unit}.pdf`), ...extra });
  }
  const generated = str(root.generated) ?? str(root.generatedAt) ?? str(root.date);
  return { boards, cards, ...(generated ? { generated } : {}) };
}

/** The staging folder first (print stage ran before the site), then the current output. */
/**
 * `gongkai build` renders the print files while Astro builds the pages (posters in worker
 * threads, pages on the main thread: both cores work). It hands over the plan — every
 * file's path and every card sheet's quantity, known before rendering — which the pages
 * show; what only rendering tells (pages, sha256, overflow) goes to the manifest files.
 * In a sharded build every shard has the whole plan, so every shard's pages are the same.
 */
const PLAN = Symbol.for('gongkai.print-plan');

export function handOverPrintPlan(planned: unknown): void {
  (globalThis as Record<symbol, unknown>)[PLAN] = planned;
}

export function readPrintManifest(): PrintManifest | undefined {
  const planned = (globalThis as Record<symbol, unknown>)[PLAN];
  if (planned) return parsePrintManifest(planned);
  const dirs = [process.env.GONGKAI_STAGING_DIR, process.env.GONGKAI_OUT_DIR].filter((d): d is string => !!d);
  for (const dir of dirs) {
    const file = join(dir, 'print', 'manifest.json');
    if (!existsSync(file)) continue;
    try {
      return parsePrintManifest(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
