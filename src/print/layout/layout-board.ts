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
import { fitBoard, type Fitted, type Shortening } from './board-fit.ts';
import { layoutHoles } from './fill-figures.ts';
import { fillerBand, type AskLine } from './board-filler.ts';
import { boardFrame, frameBoxes, frameColumns, panelTitle, type Frame, type FrameSpec } from './board-frame.ts';
import { maxBodyPt } from './board-type-sizes.ts';
import { EM_ASCENT, flowFrom, headerFor, type Column, type FlowCursor, type FlowOptions, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';

export type { PanelContent } from './board-content.ts';
export type { Shortening } from './board-fit.ts';

export interface BoardSpec extends FrameSpec {
  panels: PanelContent[];
  /** How to ask for a disclosure, for the band under the content of a board with little on it (board-filler.ts). */
  ask?: AskLine[];
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
  /** The footer's text size when the footer grew into a board's spare room (grownFooter). */
  footerPt?: number;
}

/** The content columns of every sheet of a board, in points from the trim's top-left. */
export function boardColumns(s: BoardSpec, m: Measurer): Column[] {
  return frameColumns(boardFrame(s, m), s.panels.length);
}

/** The header band and footer of a sheet titled `title` (its footer grown to `footerPt`, as the result says): the first boxes of each of its pages. */
export function boardFurniture(s: BoardSpec, m: Measurer, title: string, footerPt?: number): Box[] {
  return frameBoxes(s, boardFrame(s, m, footerPt), m, title);
}

const height = (ps: readonly Piece[]) => ps.reduce((a, p) => a + p.h, 0);

/** When a column is filled to the bottom, the space between two entries grows by at most this many body lines… */
const MAX_GAP_LINES = 3;
/** …and then the space above a paragraph, heading, table or image inside an entry by at most this many. */
const MAX_BLOCK_GAP_LINES = 1;

/**
 * Content that fits would fill the first columns and leave the last ones empty; spread it
 * over all of them instead, with the shortest column height that still holds everything.
 * Then each column is filled to the sheet's column height by widening the space between its
 * entries (never between lines), each gap by at most `maxGap`: a board whose text is at its
 * largest size, or whose columns cannot come out even, shows no band of bare board below them.
 */
function balanced(
  pieces: readonly Piece[],
  cols: readonly Column[],
  spread: NonNullable<FlowOptions['spread']>,
  fillTo = cols[0]!.h,
): ReturnType<typeof flowFrom> & { height: number } {
  const at = (h: number, fill = false) =>
    flowFrom(
      pieces.length,
      (j) => pieces[j]!,
      cols.map((c) => ({ ...c, h })),
      { index: 0 },
      fill ? { spread, spreadTo: fillTo } : {},
    );
  let best = cols[0]!.h;
  // Never so short that a title is parted from what it introduces.
  let chain = 0;
  let longest = 0;
  for (const p of pieces) {
    chain += p.h;
    longest = Math.max(longest, chain);
    if (!p.keepWithNext) chain = 0;
  }
  let lo = Math.min(cols[0]!.h, Math.max(longest, height(pieces.filter((p) => !p.spacer)) / cols.length));
  let hi = cols[0]!.h;
  // A dozen halvings place the column ends to within a few points on any board.
  for (let k = 0; k < 12 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    if (at(mid).next.index >= pieces.length) {
      best = mid;
      hi = mid;
    } else lo = mid;
  }
  return { ...at(best, true), height: best };
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

/**
 * A sparse board's content and its 点题 band (board-filler.ts). The content keeps its sizes but
 * may take fewer, wider columns than the template's — one entry across three narrow columns
 * would leave two of them bare — so each count from one to the template's is laid out with the
 * band under it, and the sheet with the smallest hole (fill-figures.ts, as the print shop
 * measures it) is the one printed.
 */
function sparseSheet(s: BoardSpec, m: Measurer, frame: Frame, fitted: Fitted, spread: NonNullable<FlowOptions['spread']>): Box[] {
  const actions = new Map(fitted.shortened.map((x) => [x.entry, x.action]));
  const line = fitted.sizes.body * s.layout.line_height;
  const textWidth = (b: Extract<Box, { kind: 'text' }>) => m.width(b.text, b.face, b.size) + b.spacing * Math.max(0, [...b.text].length - 1);
  let best: { boxes: Box[]; hole: number } | undefined;
  for (let n = 1; n <= s.panels.length; n++) {
    const cols = frameColumns(frame, n);
    const first = cols[0]!;
    const pieces = new BoardContent(s.panels, first.w, m, s.layout.header.color, first.h * 0.5).items(fitted.sizes, actions).map((it) => it.piece);
    const short = balanced(pieces, cols, spread);
    if (short.next.index < pieces.length) continue;
    const flow = balanced(pieces, cols, spread, short.height);
    const top = first.y + short.height + line / 2;
    const last = cols[cols.length - 1]!;
    const band = { x: first.x, y: top, w: last.x + last.w - first.x, h: first.y + first.h - top };
    const boxes = [...flow.boxes, ...fillerBand(band, s.ask!, s.qrUrl, s.layout.header.color, m, s.bodyMinPt, s.layout.header.title_pt * s.scale * 2)];
    const hole = layoutHoles({ width: frame.width, height: frame.height, boxes: [...frameBoxes(s, frame, m, s.title), ...boxes] }, textWidth).largest;
    if (!best || hole < best.hole - 1e-9) best = { boxes, hole };
  }
  return best!.boxes;
}

/** A board is sparse when, at its largest body size, more than this share of its columns' height is left under the content. */
const SPARSE = 0.25;

/** Footer sizes tried when a footer grows, as steps towards the body size. */
const FOOTER_STEPS = 6;

/**
 * A board whose body is already at its largest size and still leaves room below the columns:
 * the footer grows into that room — its text up to the body's size, so the supervision phone is
 * read from as far as the entries, and the QR code with it — as far as the content still fits.
 */
function grownFooter(s: BoardSpec, m: Measurer, g: Frame, pieces: readonly Piece[], body: number): Frame {
  if (body < maxBodyPt(s.layout, s.scale) - 0.5 || body <= g.footerPt) return g;
  const fits = (f: Frame) => flowFrom(pieces.length, (j) => pieces[j]!, frameColumns(f, s.panels.length), { index: 0 }).next.index >= pieces.length;
  for (let k = FOOTER_STEPS; k > 0; k--) {
    const f = boardFrame(s, m, g.footerPt + ((body - g.footerPt) * k) / FOOTER_STEPS);
    if (fits(f)) return f;
  }
  return g;
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
    const pieces = items.map((c) => c.piece);
    const frame = grownFooter(s, m, g, pieces, body);
    const grown = frame === g ? {} : { footerPt: frame.footerPt };
    const line = body * s.layout.line_height;
    const spread = { maxGap: MAX_GAP_LINES * line, maxBlockGap: MAX_BLOCK_GAP_LINES * line };
    const fcols = frameColumns(frame, s.panels.length);
    let flow = balanced(pieces, fcols, spread);
    const furniture = frameBoxes(s, frame, m, s.title);
    const first = fcols[0]!;
    // Little on the board even at its largest size: the content keeps the top, the 点题 band takes the rest.
    if (s.ask && body >= maxBodyPt(s.layout, s.scale) - 0.5 && first.h - flow.height > SPARSE * first.h) {
      const page = sparseSheet(s, m, frame, fitted, spread);
      return { pages: [{ width: g.width, height: g.height, boxes: [...furniture, ...page] }], bodyPt: body, ...shortened, ...grown };
    }
    return { pages: [{ width: g.width, height: g.height, boxes: [...furniture, ...flow.boxes] }], bodyPt: body, ...shortened, ...grown };
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
