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
    cards.set(unit, { unit, pdf: rel(str(c.pdf) ?? str(c.file) ?? `print/cards/${unit}.pdf`) });
  }
  const generated = str(root.generated) ?? str(root.generatedAt) ?? str(root.date);
  return { boards, cards, ...(generated ? { generated } : {}) };
}

/** The staging folder first (print stage ran before the site), then the current output. */
export function readPrintManifest(): PrintManifest | undefined {
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
