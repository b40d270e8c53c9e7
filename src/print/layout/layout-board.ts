/**
 * The board layout engine: pure (no pdfkit, no files), given a Measurer. A red header band
 * with “<unit>党务公开栏”, as many columns as the template has panels — each panel (栏目) opens
 * with its title bar and holds its aspects' sections, and the panels flow through the columns in
 * order, balanced — and a footer with 监督电话, publishing body, date and a QR code.
 *
 * One board, one sheet: the body is set as large as fits, from the template's maximum down to
 * the legibility floor; what does not fit at the floor is shortened in a stated order
 * (board-fit.ts) and reported. Only a board that asks for continuation sheets (`continuation:
 * true` in boards.yaml) gets them instead: its content then continues, unshortened, on more
 * sheets of the same size.
 */
import { ContentError } from '../../errors.ts';
import { toMm, type Box, type Face, type LaidPage } from './boxes.ts';
import { breakLines } from './cjk-lines.ts';
import { BoardContent, type Item, type PanelContent } from './board-content.ts';
import { fitBoard, type Shortening } from './board-fit.ts';
import { boardFrame, frameBoxes, frameColumns, panelTitle, type FrameSpec } from './board-frame.ts';
import { EM_ASCENT, flowFrom, headerFor, type Column, type FlowCursor, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';

export type { PanelContent } from './board-content.ts';
export type { Shortening } from './board-fit.ts';

export interface BoardSpec extends FrameSpec {
  panels: PanelContent[];
  /** Continue on more sheets instead of shortening (a board that really has several frames). */
  continuation?: boolean;
}

export interface Overflow {
  entries: string[];
  /** Height of the content that did not fit on the first sheet, at the floor size. */
  mm: number;
}

export interface BoardResult {
  pages: LaidPage[];
  bodyPt: number;
  /** Content continued on more sheets (continuation boards only). */
  overflow?: Overflow;
  /** What was shortened to keep the board on one sheet, and how. */
  shortened?: Shortening[];
}

/** The content columns of every sheet of a board, in points from the trim's top-left. */
export function boardColumns(s: BoardSpec, m: Measurer): Column[] {
  return frameColumns(boardFrame(s, m), s.panels.length);
}

/** The header band and footer of a sheet titled `title`: the first boxes of each of its pages. */
export function boardFurniture(s: BoardSpec, m: Measurer, title: string): Box[] {
  return frameBoxes(s, boardFrame(s, m), m, title);
}

const height = (ps: readonly Piece[]) => ps.reduce((a, p) => a + p.h, 0);

/**
 * Content that fits would fill the first columns and leave the last ones empty; spread it
 * over all of them instead, with the shortest column height that still holds everything.
 */
function balanced(pieces: readonly Piece[], cols: readonly Column[]): ReturnType<typeof flowFrom> {
  const at = (h: number) =>
    flowFrom(
      pieces.length,
      (j) => pieces[j]!,
      cols.map((c) => ({ ...c, h })),
      { index: 0 },
    );
  let best = at(cols[0]!.h);
  let lo = Math.min(cols[0]!.h, height(pieces.filter((p) => !p.spacer)) / cols.length);
  let hi = cols[0]!.h;
  // A dozen halvings place the column ends to within a few points on any board.
  for (let k = 0; k < 12 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    const f = at(mid);
    if (f.next.index >= pieces.length) {
      best = f;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/**
 * A board with nothing to show yet (a new county, a new unit) is still put up: it says so in
 * large type across the middle of the content area, not in a grey line in one corner.
 */
function emptyBoard(s: BoardSpec, cols: readonly Column[], m: Measurer): Box[] {
  const first = cols[0]!;
  const last = cols[cols.length - 1]!;
  const width = last.x + last.w - first.x;
  const big = Math.max(s.bodyMinPt, s.layout.panel_title_pt * s.scale);
  const small = Math.max(s.bodyMinPt, s.layout.body_pt * s.scale);
  const lines: { text: string; size: number; face: Face }[] = [
    { text: '本公开栏目前暂无公开内容。', size: big, face: 'sans-bold' },
    { text: '公开内容发布后将及时张贴；网上查看请扫描右下角二维码。', size: small, face: 'sans' },
  ];
  const rows = lines.flatMap((l) => breakLines(l.text, m, { face: l.face, size: l.size, width, justify: false }).map((b) => ({ ...l, line: b })));
  const total = rows.reduce((a, r) => a + r.size * 1.6, 0);
  let y = first.y + Math.max(0, (first.h - total) / 2);
  return rows.map((r) => {
    const box: Box = {
      kind: 'text',
      x: first.x + (width - r.line.width) / 2,
      y: y + r.size * 0.3 + EM_ASCENT * r.size,
      text: r.line.text,
      face: r.face,
      size: r.size,
      spacing: 0,
      color: [0, 0, 0, 70],
    };
    y += r.size * 1.6;
    return box;
  });
}

export function layoutBoard(s: BoardSpec, m: Measurer): BoardResult {
  const g = boardFrame(s, m);
  const cols = frameColumns(g, s.panels.length);
  if (s.panels.every((p) => p.sections.every((x) => x.entries.length === 0)))
    return { pages: [{ width: g.width, height: g.height, boxes: [...frameBoxes(s, g, m, s.title), ...emptyBoard(s, cols, m)] }], bodyPt: s.bodyMinPt };
  const content = new BoardContent(s.panels, cols[0]!.w, m, s.layout.header.color, cols[0]!.h * 0.5);
  const fitted = fitBoard(content, cols, s.layout, s.scale, s.bodyMinPt, !s.continuation);
  const items = fitted.items;
  const body = fitted.sizes.body;
  const shortened = fitted.shortened.length ? { shortened: fitted.shortened } : {};
  if (fitted.fits) {
    const flow = balanced(
      items.map((c) => c.piece),
      cols,
    );
    return { pages: [{ width: g.width, height: g.height, boxes: [...frameBoxes(s, g, m, s.title), ...flow.boxes] }], bodyPt: body, ...shortened };
  }
  // A continuation board (or content no shortening could fit): the rest on further sheets, never clipped.
  const first = flowFrom(items.length, (j) => items[j]!.piece, cols, { index: 0 });
  const pages: LaidPage[] = [{ width: g.width, height: g.height, boxes: [...frameBoxes(s, g, m, s.title), ...first.boxes] }];
  const left = itemsFrom(items, first.next);
  const overflow: Overflow = {
    entries: [...new Set(left.map((r) => r.piece.entry).filter(Boolean))],
    mm: Math.round(toMm(height(left.map((r) => r.piece).filter((p) => !p.spacer)))),
  };
  let at = first.next;
  const titleSize = fitted.sizes.panel;
  while (at.index < items.length) {
    // Continuation sheets: what is left, under “<panel>（续）” when it starts inside a panel,
    // and a table cut there gets its header row again under that title.
    const head = items[at.index]!;
    const headPiece = at.carry ?? head.piece;
    const lead: Piece[] = [];
    if ((!head.title || at.carry) && head.panel >= 0) {
      lead.push(panelTitle(`${s.panels[head.panel]!.title}（续）`, cols[0]!.w, m, titleSize, s.layout.header.color));
      const header = headerFor(headPiece, cols[0]!);
      if (header) lead.push({ ...header, keepWithNext: true });
    }
    // The sheet's sequence: the lead pieces, then the content from where the last sheet stopped.
    const base = at.index - lead.length;
    const get = (j: number) => (j < at.index ? lead[j - base]! : j === at.index ? headPiece : items[j]!.piece);
    const f = flowFrom(items.length, get, cols, { index: base });
    // Stopped at the same piece without cutting it again: it is still what is left of it.
    const next: FlowCursor = f.next.index === at.index && !f.next.carry && at.carry ? { index: at.index, carry: at.carry } : f.next;
    // Nothing of the content placed: a piece bigger than a whole empty column. Never draw it outside; say so.
    if (next.index < at.index || (next.index === at.index && (next.carry ?? head.piece) === headPiece)) {
      throw new ContentError(
        `公开栏“${s.title}”${headPiece.entry ? `的条目 ${headPiece.entry} ` : head.panel >= 0 ? `的栏目“${s.panels[head.panel]!.title}”` : ''}有一块内容比一整栏还大，在最小字号下也排不下，无法排版。请拆分这块内容（如过长的表格行）或调整模板的栏宽、字号和 site.yaml 的最小字号（board_body_min_pt）。`,
      );
    }
    pages.push({ width: g.width, height: g.height, boxes: [...frameBoxes(s, g, m, `${s.title}（续${pages.length}）`), ...f.boxes] });
    at = next;
  }
  return { pages, bodyPt: body, overflow, ...shortened };
}

/** The items from `at` on: what did not fit (the first may be the rest of a split piece). */
function itemsFrom(content: readonly Item[], at: FlowCursor): Item[] {
  const rest = content.slice(at.index);
  return at.carry && rest[0] ? [{ ...rest[0], piece: at.carry }, ...rest.slice(1)] : rest;
}
