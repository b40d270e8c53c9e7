/**
 * A board's content as one queue of pieces, at one body size and with each entry shown in
 * full, shortened, or left off (see board-fit.ts for who decides). Panels (栏目) open with
 * their title bar; a panel with nothing to show is not drawn at all — one grey line at the end
 * names the panels with nothing due, instead of a bar and “暂无” for each. Pieces are cached
 * per entry, mode and size, as the fitting tries many combinations of few sizes.
 */
import type { Cmyk } from './boxes.ts';
import type { BoardTypeSizes } from './board-type-sizes.ts';
import { panelTitle } from './board-frame.ts';
import { entryPieces, type EntryContent, type EntryMode } from './entry-pieces.ts';
import { textPieces, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';
import type { BoardLayout } from './template-layout.ts';

export interface BoardEntry extends EntryContent {
  /** YYYY-MM-DD: the oldest give way first. */
  date?: string;
  /** A 公示 whose period has ended. */
  finished?: boolean;
  /** A newer entry of the same item is on the board too. */
  older?: boolean;
}

export interface PanelContent {
  title: string;
  sections: { heading: string; entries: BoardEntry[] }[];
}

/** How an entry was shortened to keep a board on one sheet, in the order they are applied. */
export type ShortenAction = 'finished-notice' | 'older' | 'summary' | 'list' | 'omitted';

/** An entry's mode, or `undefined` when it is left off. */
export function modeOf(action: ShortenAction | undefined): EntryMode | undefined {
  if (action === 'summary' || action === 'list') return action;
  return action === undefined ? 'full' : undefined;
}

/** One piece of the queue, with the panel it belongs to; `title` marks a panel's title bar. */
export interface Item {
  piece: Piece;
  panel: number;
  title: boolean;
}

const GREY: Cmyk = [0, 0, 0, 60];

export class BoardContent {
  private readonly cache = new Map<string, Piece[]>();
  private readonly panels: readonly PanelContent[];
  private readonly width: number;
  private readonly m: Measurer;
  private readonly color: BoardLayout['header']['color'];
  /** Images are never taller than this (half a column). */
  private readonly maxImageHeight: number;

  constructor(panels: readonly PanelContent[], width: number, m: Measurer, color: BoardLayout['header']['color'], maxImageHeight: number) {
    this.panels = panels;
    this.width = width;
    this.m = m;
    this.color = color;
    this.maxImageHeight = maxImageHeight;
  }

  /** The pieces of one entry; cached, since a fitting pass re-asks for most of them unchanged. */
  entry(e: BoardEntry, z: BoardTypeSizes, mode: EntryMode): Piece[] {
    const key = `${e.id}\u0000${mode}\u0000${z.body}`;
    let ps = this.cache.get(key);
    if (!ps) this.cache.set(key, (ps = entryPieces(e, this.width, this.m, z, this.maxImageHeight, mode)));
    return ps;
  }

  /** The queue at body size `z.body`, with `actions` applied. */
  items(z: BoardTypeSizes, actions: ReadonlyMap<string, ShortenAction>): Item[] {
    const out: Item[] = [];
    const idle: string[] = [];
    let shortened = false;
    this.panels.forEach((p, i) => {
      const sections = p.sections
        .map((s) => ({ heading: s.heading, shown: s.entries.flatMap((e) => (modeOf(actions.get(e.id)) ? [e] : [])) }))
        .filter((s) => s.shown.length > 0);
      if (sections.length === 0) return void idle.push(p.title);
      out.push({ piece: panelTitle(p.title, this.width, this.m, z.panel, this.color), panel: i, title: true });
      const push = (ps: Piece[]) => ps.forEach((piece) => out.push({ piece, panel: i, title: false }));
      for (const s of sections) {
        if (sections.length > 1)
          push(
            textPieces(
              `■ ${s.heading}`,
              this.width,
              this.m,
              { face: 'sans-bold', size: z.heading, lineHeight: 1.5, justify: false, color: this.color },
              '',
              true,
            ),
          );
        for (const e of s.shown) {
          const mode = modeOf(actions.get(e.id))!;
          if (mode !== 'full') shortened = true;
          push(this.entry(e, z, mode));
        }
      }
    });
    const notes: string[] = [];
    if (out.length === 0) notes.push('本公开栏目前暂无公开内容。');
    else if (idle.length) notes.push(`本期暂无公开内容的栏目：${idle.join('、')}。`);
    if (shortened || [...actions.values()].includes('omitted')) notes.push('部分内容为摘要，全文请扫描二维码在党务公开网查看。');
    for (const n of notes)
      textPieces(n, this.width, this.m, { face: 'sans', size: z.meta, lineHeight: 1.4, justify: false, color: GREY }, '').forEach((piece) =>
        out.push({ piece, panel: -1, title: false }),
      );
    return out;
  }

  /** Every entry, in board order. */
  entries(): BoardEntry[] {
    return this.panels.flatMap((p) => p.sections.flatMap((s) => s.entries));
  }
}
